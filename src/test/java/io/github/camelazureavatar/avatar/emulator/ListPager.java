package io.github.camelazureavatar.avatar.emulator;

import java.time.Instant;

/**
 * Offset paging over the sorted snapshot, shared by both dialects; only the field names and
 * the next-link shape differ, and those are the caller's.
 */
final class ListPager {

    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 100;

    /** Builds the next link for a given skip, in the caller's dialect. */
    interface LinkBuilder {
        String link(String origin, int skip, int pageSize);
    }

    private ListPager() {
    }

    /** The job's JSON with a creation time no client can read (see Faults#unreadableInLists). */
    private static String unreadable(String json) {
        return json.replaceFirst("\"createdDateTime\":\"[^\"]*\"", "\"createdDateTime\":\"the day before yesterday\"");
    }

    /**
     * @return the response with {@code "<itemsField>":[...]} and, only when more items remain,
     *         {@code "<linkField>":"<absolute url>"}
     */
    static EmulatorResponse page(ServiceContext ctx, Dialect dialect, String origin, int skip, int pageSize,
            String itemsField, String linkField, LinkBuilder links) {
        EmulatedJob[] all = ctx.store().snapshot();
        Instant now = ctx.clock().now();
        int from = (int) Math.min(skip, all.length);
        int to = (int) Math.min((long) from + pageSize, all.length);
        StringBuilder out = new StringBuilder(64 + (to - from) * 1200);
        out.append("{\"").append(itemsField).append("\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(',');
            }
            EmulatedJob job = all[all.length - 1 - i];
            if (ctx.faults().takeUnreadable(job.id())) {
                out.append(unreadable(ctx.json().render(job, dialect, now)));
            } else {
                ctx.json().appendTo(out, job, dialect, now);
            }
        }
        out.append(']');
        long endless = ctx.faults().endlessLinkNumber();
        if (endless > 0) {
            String link = links.link(origin, skip, pageSize) + "&endless=" + endless;
            out.append(",\"").append(linkField).append("\":\"").append(link).append('"');
        } else if (to < all.length) {
            String link;
            Faults.LinkFault fault = ctx.faults().takeLinkFault();
            if (fault == null) {
                link = links.link(origin, to, pageSize);
            } else if (fault.cycle()) {
                link = links.link(origin, skip, pageSize);
            } else {
                link = links.link(fault.foreignBaseUrl(), to, pageSize);
            }
            out.append(",\"").append(linkField).append("\":\"").append(link.replace("\"", "%22")).append('"');
        }
        out.append('}');
        EmulatorResponse response = EmulatorResponse.json(200, out.toString());
        if (skip == 0) {
            response.beforeSend(ctx.faults().takeBetweenPages());
        }
        return response;
    }
}
