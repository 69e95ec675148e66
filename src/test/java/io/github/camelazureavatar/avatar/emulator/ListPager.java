package io.github.camelazureavatar.avatar.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

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

    /** The snapshot (oldest first) in the order the list serves it: newest first unless a fault says otherwise. */
    private static EmulatedJob[] ordered(Faults faults, EmulatedJob[] oldestFirst, int pageSize) {
        Faults.ListOrder order = faults.listOrder();
        if (order == Faults.ListOrder.OLDEST_FIRST) {
            return oldestFirst;
        }
        EmulatedJob[] newestFirst = new EmulatedJob[oldestFirst.length];
        for (int i = 0; i < oldestFirst.length; i++) {
            newestFirst[i] = oldestFirst[oldestFirst.length - 1 - i];
        }
        if (faults.anyDatedAhead()) {
            // a date ahead sorts first; the sort is stable, so the others keep their order
            Arrays.sort(newestFirst, Comparator.comparing((EmulatedJob job) -> faults.datedAhead(job.id()) == null));
        }
        if (order == Faults.ListOrder.SHUFFLED_PAGES) {
            List<List<EmulatedJob>> pages = new ArrayList<>();
            for (int from = 0; from < newestFirst.length; from += pageSize) {
                pages.add(Arrays.asList(newestFirst).subList(from, Math.min(from + pageSize, newestFirst.length)));
            }
            Collections.shuffle(pages, new Random(faults.shuffleSeed()));
            return pages.stream().flatMap(List::stream).toArray(EmulatedJob[]::new);
        }
        return newestFirst;
    }

    /**
     * @return the response with {@code "<itemsField>":[...]} and, only when more items remain,
     *         {@code "<linkField>":"<absolute url>"}
     */
    static EmulatorResponse page(ServiceContext ctx, Dialect dialect, String origin, int skip, int pageSize,
            String itemsField, String linkField, LinkBuilder links) {
        EmulatedJob[] all = ctx.store().snapshot();
        // newest first, read backwards from the snapshot; another order only when a fault asks for one
        EmulatedJob[] view = ctx.faults().listOrder() == Faults.ListOrder.NEWEST_FIRST && !ctx.faults().anyDatedAhead()
                ? null : ordered(ctx.faults(), all, pageSize);
        Instant now = ctx.clock().now();
        int from = (int) Math.min(skip, all.length);
        int to = (int) Math.min((long) from + pageSize, all.length);
        StringBuilder out = new StringBuilder(64 + (to - from) * 1200);
        out.append("{\"").append(itemsField).append("\":[");
        for (int i = from; i < to; i++) {
            if (i > from) {
                out.append(',');
            }
            EmulatedJob job = view == null ? all[all.length - 1 - i] : view[i];
            Duration ahead = ctx.faults().datedAhead(job.id());
            if (ahead != null) {
                String date = dialect == Dialect.PREVIEW ? AzureDates.preview(job.created.plus(ahead))
                        : AzureDates.batch(job.created.plus(ahead));
                out.append(ctx.json().render(job, dialect, now)
                        .replaceFirst("\"createdDateTime\":\"[^\"]*\"", "\"createdDateTime\":\"" + date + "\""));
            } else if (ctx.faults().undated(job.id())) {
                out.append(ctx.json().render(job, dialect, now).replaceFirst(",\"createdDateTime\":\"[^\"]*\"", ""));
            } else if (ctx.faults().takeUnreadable(job.id())) {
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
