package io.github.camelazureavatar.avatar.emulator;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks the emulator's SAS tokens the way Azure Storage does in spirit: an HMAC-SHA256
 * of the resource, the permissions and the expiry, under a key only this emulator holds. A token
 * is valid until its {@code se} on the emulator's clock, and a forged or widened one fails.
 */
final class SasSigner {

    static final String VERSION = "2023-11-03";

    /** Why a SAS does not let a request through; null fields when it does. */
    record Refusal(int status, String code, String message, String detail) {
    }

    private final byte[] key;
    private final EmulatorClock clock;
    private final ThreadLocal<Mac> macs;

    SasSigner(byte[] key, EmulatorClock clock) {
        this.key = key.clone();
        this.clock = clock;
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** The query of a SAS for {@code resource} ({@code b/...} a job's files, {@code c/...} a container). */
    String query(String resource, String resourceType, String permissions, Instant start, Instant expiry) {
        String se = AzureDates.SAS.format(expiry);
        return "sv=" + VERSION + "&st=" + AzureDates.SAS.format(start) + "&se=" + se + "&sr=" + resourceType
                + "&sp=" + permissions + "&sig=" + Http.encodeParam(signature(resource, permissions, se));
    }

    String signature(String resource, String permissions, String se) {
        byte[] raw = macs.get().doFinal((resource + "\n" + permissions + "\n" + se).getBytes(StandardCharsets.UTF_8));
        return Base64.getEncoder().encodeToString(raw);
    }

    /**
     * Checks a request's SAS for {@code resource} and one permission letter; null when it may pass.
     * Azure's answers: 403 AuthenticationFailed for a bad signature or an expired token, 403
     * AuthorizationPermissionMismatch for a valid token without the permission.
     */
    Refusal check(Map<String, String> query, String resource, char permission) {
        String sig = query.get("sig");
        String sp = query.getOrDefault("sp", "");
        String se = query.get("se");
        if (sig == null || se == null || !MessageDigest.isEqual(
                signature(resource, sp, se).getBytes(StandardCharsets.US_ASCII), sig.getBytes(StandardCharsets.US_ASCII))) {
            return new Refusal(403, "AuthenticationFailed", AzureErrors.AUTHENTICATION_FAILED,
                    "Signature did not match. String to sign used was " + sp);
        }
        Instant now = clock.now();
        Instant expiry;
        try {
            expiry = Instant.parse(se);
        } catch (DateTimeParseException e) {
            return new Refusal(403, "AuthenticationFailed", AzureErrors.AUTHENTICATION_FAILED, "se is not a date: " + se);
        }
        if (!now.isBefore(expiry)) {
            return new Refusal(403, "AuthenticationFailed", AzureErrors.AUTHENTICATION_FAILED,
                    "Signed expiry time [" + Fault.HTTP_DATE.format(expiry) + "] must be after signed start time ["
                            + Fault.HTTP_DATE.format(now) + "]");
        }
        if (sp.indexOf(permission) < 0) {
            return new Refusal(403, "AuthorizationPermissionMismatch",
                    "This request is not authorized to perform this operation using this permission.", null);
        }
        return null;
    }
}
