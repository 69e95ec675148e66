package io.github.camelazureavatar.avatar.client;

import java.time.Duration;

/**
 * How long a request may take.
 *
 * @param connect  to open a TCP connection
 * @param response for Azure to answer, and between two packets of a body
 * @param request  for the whole exchange of one request, however slowly Azure trickles bytes; 0 for no limit
 */
public record Timeouts(Duration connect, Duration response, Duration request) {
}
