package io.github.camelazureavatar.avatar.client;

import org.apache.camel.RuntimeCamelException;
import org.apache.camel.spi.HttpResponseAware;

/**
 * Azure refused or failed a request. Carries the HTTP status so that Camel's consumer health check reports it, and
 * Azure's error code for routes that branch on it. Its message names the endpoint and what to do, never a key, token
 * or SAS signature.
 */
public class AzureAvatarException extends RuntimeCamelException implements HttpResponseAware {

    private int httpResponseCode;
    private String httpResponseStatus;
    private final String azureErrorCode;

    public AzureAvatarException(String message, int httpResponseCode, String azureErrorCode) {
        this(message, httpResponseCode, azureErrorCode, null);
    }

    public AzureAvatarException(String message, int httpResponseCode, String azureErrorCode, Throwable cause) {
        super(message, cause);
        this.httpResponseCode = httpResponseCode;
        this.azureErrorCode = azureErrorCode;
    }

    /** Azure's error code (for example {@code BadRequest} or {@code InvalidRequest}), or null. */
    public String getAzureErrorCode() {
        return azureErrorCode;
    }

    @Override
    public int getHttpResponseCode() {
        return httpResponseCode;
    }

    @Override
    public void setHttpResponseCode(int code) {
        this.httpResponseCode = code;
    }

    @Override
    public String getHttpResponseStatus() {
        return httpResponseStatus;
    }

    @Override
    public void setHttpResponseStatus(String status) {
        this.httpResponseStatus = status;
    }
}
