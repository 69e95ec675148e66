package io.github.camelazureavatar.avatar.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.apache.hc.core5.http.ClassicHttpResponse;

/** A result file streaming from blob storage as it is read; closing it releases the connection. */
public final class BlobDownload extends FilterInputStream {

    private final ClassicHttpResponse response;
    private final String fileName;
    private final String contentType;
    private final long contentLength;

    BlobDownload(ClassicHttpResponse response, InputStream body, String fileName, String contentType, long contentLength) {
        super(body);
        this.response = response;
        this.fileName = fileName;
        this.contentType = contentType;
        this.contentLength = contentLength;
    }

    /** The blob's own name, for example {@code 0001.mp4}. */
    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    /** The length in bytes, or -1 when blob storage did not say. */
    public long getContentLength() {
        return contentLength;
    }

    @Override
    public void close() throws IOException {
        try (response) {
            super.close();
        }
    }
}
