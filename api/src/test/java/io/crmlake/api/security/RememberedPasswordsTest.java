package io.crmlake.api.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The bcrypt check is skipped only for a password that already matched the very same stored hash. */
class RememberedPasswordsTest {

    /** Spring's own delegating bcrypt encoder, counting how often it is really asked. */
    static final class CountingBcrypt implements PasswordEncoder {
        final PasswordEncoder bcrypt = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        final AtomicInteger checks = new AtomicInteger();

        @Override
        public String encode(CharSequence raw) {
            return bcrypt.encode(raw);
        }

        @Override
        public boolean matches(CharSequence raw, String encoded) {
            checks.incrementAndGet();
            return bcrypt.matches(raw, encoded);
        }
    }

    @Test
    void aMatchedPasswordIsNotCheckedWithBcryptAgain() {
        CountingBcrypt bcrypt = new CountingBcrypt();
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ofMinutes(5));
        String hash = passwords.encode("analyst-demo");
        assertThat(hash).startsWith("{bcrypt}$2a$10$");

        assertThat(passwords.matches("analyst-demo", hash)).isTrue();
        assertThat(passwords.matches("analyst-demo", hash)).isTrue();
        assertThat(passwords.matches("analyst-demo", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(1);
    }

    @Test
    void wrongPasswordsAreNeverRememberedAndAlwaysPayBcrypt() {
        CountingBcrypt bcrypt = new CountingBcrypt();
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ofMinutes(5));
        String hash = passwords.encode("analyst-demo");
        assertThat(passwords.matches("analyst-demo", hash)).isTrue();

        assertThat(passwords.matches("analyst-demo ", hash)).isFalse();
        assertThat(passwords.matches("analyst-demo ", hash)).isFalse();
        assertThat(passwords.matches("", hash)).isFalse();
        assertThat(bcrypt.checks).hasValue(4);
    }

    @Test
    void aChangedStoredHashNeedsBcryptAgain() {
        CountingBcrypt bcrypt = new CountingBcrypt();
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ofMinutes(5));
        String oldHash = passwords.encode("secret-1");
        String newHash = passwords.encode("secret-2");
        assertThat(passwords.matches("secret-1", oldHash)).isTrue();
        // The password that matched the old hash does not match the new one, remembered or not.
        assertThat(passwords.matches("secret-1", newHash)).isFalse();
        assertThat(passwords.matches("secret-2", newHash)).isTrue();
        assertThat(bcrypt.checks).hasValue(3);
    }

    @Test
    void zeroDurationChecksEveryTime() {
        CountingBcrypt bcrypt = new CountingBcrypt();
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ZERO);
        String hash = passwords.encode("admin-demo");
        assertThat(passwords.matches("admin-demo", hash)).isTrue();
        assertThat(passwords.matches("admin-demo", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }

    @Test
    void aRememberedMatchExpires() throws InterruptedException {
        CountingBcrypt bcrypt = new CountingBcrypt();
        RememberedPasswords passwords = new RememberedPasswords(bcrypt, Duration.ofMillis(200));
        String hash = passwords.encode("executive-demo");
        assertThat(passwords.matches("executive-demo", hash)).isTrue();
        Thread.sleep(400);
        assertThat(passwords.matches("executive-demo", hash)).isTrue();
        assertThat(bcrypt.checks).hasValue(2);
    }
}
