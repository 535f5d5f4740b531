package io.crmlake.api.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * HTTP Basic sends the password with every request, and bcrypt is slow on purpose (cost 10:
 * about 80 ms of one core here). Checked on every call, it alone capped the 2-core service at
 * roughly 25 requests/s. So a password that matched its stored hash is remembered for a short
 * time, as Elasticsearch's realms do ({@code cache.hash_algo}, {@code cache.ttl}): not in clear,
 * but as an HMAC-SHA256 under a random key that lives only in this process, together with the
 * stored hash (a changed password in the configuration no longer matches). Wrong passwords are
 * never remembered, so guessing still pays the full bcrypt price on every try.
 */
final class RememberedPasswords implements PasswordEncoder {

    private static final int MAX_ENTRIES = 10_000;

    private final PasswordEncoder slow;
    private final Cache<String, Boolean> matched;
    private final SecretKeySpec processKey;

    /** {@code remember}: how long a match is trusted without bcrypt; zero turns the memory off. */
    RememberedPasswords(PasswordEncoder slow, Duration remember) {
        this.slow = slow;
        this.matched = remember.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(remember).maximumSize(MAX_ENTRIES).build();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        this.processKey = new SecretKeySpec(key, "HmacSHA256");
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return slow.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        if (matched == null || rawPassword == null || encodedPassword == null) {
            return slow.matches(rawPassword, encodedPassword);
        }
        String fingerprint = fingerprint(rawPassword, encodedPassword);
        if (matched.getIfPresent(fingerprint) != null) {
            return true;
        }
        boolean ok = slow.matches(rawPassword, encodedPassword);
        if (ok) {
            matched.put(fingerprint, Boolean.TRUE);
        }
        return ok;
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return slow.upgradeEncoding(encodedPassword);
    }

    private String fingerprint(CharSequence rawPassword, String encodedPassword) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(processKey);
            mac.update(encodedPassword.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(rawPassword.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this Java runtime", e);
        }
    }
}
