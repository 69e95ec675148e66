package io.github.camelazureavatar.avatar;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Placeholder until the producer lands (issue 4). */
public class AzureAvatarProducer extends DefaultProducer {

    public AzureAvatarProducer(AzureAvatarEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        throw new UnsupportedOperationException("producer not built yet");
    }
}
