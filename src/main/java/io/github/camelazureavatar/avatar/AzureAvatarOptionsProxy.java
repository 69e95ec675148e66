package io.github.camelazureavatar.avatar;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.camel.Exchange;

/**
 * "A header named like an option overrides it for one exchange", in one place: every producer operation reads its
 * settings through here instead of checking header and option itself.
 */
final class AzureAvatarOptionsProxy {

    private final AzureAvatarConfiguration configuration;

    AzureAvatarOptionsProxy(AzureAvatarConfiguration configuration) {
        this.configuration = configuration;
    }

    /**
     * The header's value, converted to the option's type, or else the option's value.
     *
     * @param header the header that overrides the option, for example CamelAzureAvatarJobId
     * @param type   the option's type
     * @param option reads the option from the endpoint's configuration
     */
    <T> T getOption(Exchange exchange, String header, Class<T> type, Function<AzureAvatarConfiguration, T> option) {
        T value = exchange.getMessage().getHeader(header, type);
        if (value instanceof String text && text.isBlank()) {
            value = null;
        }
        return value != null ? value : option.apply(configuration);
    }

    /** The operation, from header or option, with a message listing the operations when it is missing or unknown. */
    AzureAvatarOperation operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(AzureAvatarConstants.OPERATION);
        if (header == null || header instanceof String text && text.isBlank()) {
            if (configuration.getOperation() == null) {
                throw new IllegalArgumentException("No azure-avatar operation: set the operation option or the "
                                                   + AzureAvatarConstants.OPERATION + " header to one of " + known());
            }
            return configuration.getOperation();
        }
        if (header instanceof AzureAvatarOperation operation) {
            return operation;
        }
        String name = header.toString().trim();
        for (AzureAvatarOperation operation : AzureAvatarOperation.values()) {
            if (operation.name().equalsIgnoreCase(name)) {
                return operation;
            }
        }
        throw new IllegalArgumentException("Unknown azure-avatar operation '" + name + "' in header "
                                           + AzureAvatarConstants.OPERATION + "; known: " + known());
    }

    private static String known() {
        return Arrays.stream(AzureAvatarOperation.values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
