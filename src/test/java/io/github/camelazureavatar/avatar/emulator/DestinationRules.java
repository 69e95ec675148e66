package io.github.camelazureavatar.avatar.emulator;

import static io.github.camelazureavatar.avatar.emulator.JsonFields.string;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * {@code destinationContainerUrl} and {@code destinationPath}: an https URL with an ad hoc SAS
 * (Learn: "SAS with stored access policies isn't supported"), not expired (Azure documents the
 * 400 for 3.1-preview1), and a path only with a container. A container on the emulator's blob
 * host is where the job writes, if its SAS lets it.
 */
final class DestinationRules {

    private final String blobAuthority;
    private final SasSigner signer;
    private final EmulatorClock clock;

    DestinationRules(String blobBaseUrl, SasSigner signer, EmulatorClock clock) {
        this.blobAuthority = URI.create(blobBaseUrl).getRawAuthority();
        this.signer = signer;
        this.clock = clock;
    }

    /** The emulator's now, which also decides the avatar catalogue (a retired avatar). */
    Instant now() {
        return clock.now();
    }

    void read(JobDraft d, ObjectNode properties) {
        String url = string(properties, "destinationContainerUrl", "properties.destinationContainerUrl");
        String path = string(properties, "destinationPath", "properties.destinationPath");
        if (url == null || url.isBlank()) {
            if (d.inputCount > 1) {
                throw new ValidationException("MissingDestinationContainerUrl",
                        "The destinationContainerUrl is required when there is more than one input.");
            }
            if (path != null) {
                throw new ValidationException("InvalidDestinationPath",
                        "The destinationPath can only be set with a destinationContainerUrl.");
            }
            return;
        }
        URI uri = parse(url);
        Map<String, String> sas = Http.query(uri.getRawQuery());
        if (!sas.containsKey("sig") || !sas.containsKey("se")) {
            throw invalid("The destinationContainerUrl must carry a SAS token (sig and se) that can write to the container.");
        }
        if (sas.containsKey("si")) {
            throw invalid("The destinationContainerUrl uses a stored access policy (si), which is not supported: use an ad hoc SAS.");
        }
        Instant expiry;
        try {
            expiry = Instant.parse(sas.get("se"));
        } catch (DateTimeParseException e) {
            throw invalid("The SAS expiry (se) of the destinationContainerUrl is not a date.");
        }
        if (!clock.now().isBefore(expiry)) {
            throw ValidationException.problem("ExpiredDestinationContainerUrl", "Properties.DestinationContainerUrl",
                    "The property DestinationContainerUrl is an expired SAS URI.");
        }
        String container = uri.getPath() == null ? "" : uri.getPath().replaceAll("^/+|/+$", "");
        if (container.isEmpty() || container.contains("/")) {
            throw invalid("The destinationContainerUrl must name one container: https://<account>.blob.core.windows.net/<container>?<SAS>.");
        }
        d.destinationContainer = container;
        String folder = path == null ? "" : path.replaceAll("^/+|/+$", "");
        d.destinationPath = folder.isEmpty() ? null : folder;
        if (blobAuthority.equalsIgnoreCase(uri.getRawAuthority())) {
            SasSigner.Refusal refusal = signer.check(sas, "c/" + container, 'w');
            d.writesToHostedContainer = refusal == null;
            if (refusal != null) {
                d.fails = true;
                d.failureMessage = "Could not write to the destination container: " + refusal.code() + ".";
            }
        }
    }

    /** Absolute https; plain http only on loopback, where the emulator's own blob host lives. */
    private static URI parse(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (java.net.URISyntaxException e) {
            throw invalid("The destinationContainerUrl is not a URL.");
        }
        String scheme = uri.getScheme();
        if (uri.getHost() == null || scheme == null
                || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http") && isLoopback(uri.getHost()))) {
            throw invalid("The destinationContainerUrl must be an absolute https URL.");
        }
        return uri;
    }

    private static boolean isLoopback(String host) {
        if (!host.equals("localhost") && !host.matches("[0-9.]+|\\[[0-9a-fA-F:]+]")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static ValidationException invalid(String message) {
        return new ValidationException("InvalidDestinationContainerUrl", message);
    }
}
