package io.github.camelazureavatar.avatar.emulator;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The deterministic bytes served for a job given a synthetic result size, generated while
 * streaming so a 1 GiB download never sits in memory on either side. Tests verify a download
 * with {@link #byteAt(long)}.
 */
public final class SyntheticContent {

    private SyntheticContent() {
    }

    public static byte byteAt(long position) {
        long x = position * 0x9E3779B97F4A7C15L;
        return (byte) (x >>> 56 ^ position >>> 12);
    }

    static void write(OutputStream out, long length) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long position = 0;
        while (position < length) {
            int n = (int) Math.min(buffer.length, length - position);
            for (int i = 0; i < n; i++) {
                buffer[i] = byteAt(position + i);
            }
            out.write(buffer, 0, n);
            position += n;
        }
    }
}
