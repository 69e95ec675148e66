package io.github.camelazureavatar.avatar;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

import io.github.camelazureavatar.avatar.client.Origin;
import io.github.camelazureavatar.avatar.model.AvatarSynthesisJob;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.cloudevents.CloudEvent;
import org.apache.camel.cloudevents.CloudEvents;
import org.apache.camel.spi.DataType;
import org.apache.camel.spi.DataTypeTransformer;
import org.apache.camel.spi.Transformer;

/**
 * Turns a job event into a CloudEvent 1.0 as camel-cloudevents names its attributes (CamelCloudEvent* headers), so
 * that camel-cloudevents' {@code http:application-cloudevents}, Knative or Kafka carry it to an event mesh: as
 * camel-aws2-s3's {@code aws2-s3:application-cloudevents} does for S3 objects. Works on the consumer's exchange (a job in
 * the body) and on what the source Kamelet hands on (the job's JSON as text, the job headers).
 */
@DataTypeTransformer(name = "azure-avatar:application-cloudevents",
                     description = "Turns a job event into a CloudEvent: type by status, source the Speech resource, "
                                   + "subject the job id, time its last action, data its JSON with SAS signatures masked")
public class AvatarJobCloudEventTransformer extends Transformer {

    /** The type of a job event: this prefix and the status in lower case, such as {@code ...job.succeeded}. */
    public static final String TYPE_PREFIX = "io.github.camelazureavatar.job.";
    /** The exchange property with the Speech resource's URL, where the exchange did not come from its endpoint. */
    public static final String SERVICE_URL_PROPERTY = "CamelAzureAvatarServiceUrl";

    @Override
    public void transform(Message message, DataType from, DataType to) {
        AvatarSynthesisJob job = message.getBody() instanceof AvatarSynthesisJob body ? body : null;
        String jobId = job != null ? job.getId() : message.getHeader(AzureAvatarConstants.JOB_ID, String.class);
        String status = job != null ? job.getStatus().name()
                : message.getHeader(AzureAvatarConstants.STATUS, String.class);
        Object created = job != null ? job.getCreatedDateTime()
                : message.getHeader(AzureAvatarConstants.CREATED_DATE_TIME, String.class);
        Object lastAction = job != null ? job.getLastActionDateTime()
                : message.getHeader(AzureAvatarConstants.LAST_ACTION_DATE_TIME, String.class);
        if (job != null) {
            // the JSON Azure sent, links' SAS signatures masked: events are logged, stored and fanned out
            message.setBody(job.toJson());
        }
        if (jobId == null || status == null) {
            throw new IllegalArgumentException("azure-avatar:application-cloudevents needs a job event: a job as body or "
                                               + "the headers " + AzureAvatarConstants.JOB_ID + " and "
                                               + AzureAvatarConstants.STATUS);
        }
        Exchange exchange = message.getExchange();
        CloudEvent cloudEvent = CloudEvents.v1_0;
        Map<String, Object> headers = message.getHeaders();
        // the same event delivered again (at least once) keeps its id; a job re-created under its id gets new ones
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_ID, jobId + "/" + status + (created == null ? "" : "/" + created));
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_VERSION, cloudEvent.version());
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_TYPE, TYPE_PREFIX + status.toLowerCase(Locale.ROOT));
        // the source Kamelet hands on a copy whose from endpoint is the Kamelet: it names the service in a property
        String service = exchange.getFromEndpoint() instanceof AzureAvatarEndpoint endpoint ? endpoint.getServiceUrl()
                : exchange.getProperty(SERVICE_URL_PROPERTY, String.class);
        if (service != null) {
            // scheme, host and port only: nothing of the endpoint URI's options, the key among them
            headers.put(CloudEvent.CAMEL_CLOUD_EVENT_SOURCE, Origin.of(URI.create(service)).toString());
        } else {
            headers.putIfAbsent(CloudEvent.CAMEL_CLOUD_EVENT_SOURCE, CloudEvent.DEFAULT_CAMEL_CLOUD_EVENT_SOURCE);
        }
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_SUBJECT, jobId);
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_TIME,
                lastAction == null ? cloudEvent.getEventTime(exchange) : lastAction.toString());
        headers.put(CloudEvent.CAMEL_CLOUD_EVENT_CONTENT_TYPE, "application/json");
    }
}
