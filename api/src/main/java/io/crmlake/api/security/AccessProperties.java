package io.crmlake.api.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may sign in. {@code mode: basic} (the embedded default) checks HTTP Basic against the
 * bcrypt-hashed {@code users}; {@code mode: oidc} (profile "oidc") accepts bearer JWTs from the
 * configured issuer and reads the roles from {@code roles-claim}.
 */
@ConfigurationProperties("crmlake.security")
public record AccessProperties(String mode, List<User> users, String rolesClaim, Duration rememberPasswords) {

    public AccessProperties {
        // How long a password that matched its bcrypt hash is trusted without bcrypt (RememberedPasswords).
        rememberPasswords = rememberPasswords == null ? Duration.ofMinutes(5) : rememberPasswords;
        mode = mode == null ? "basic" : mode;
        users = users == null ? List.of() : users;
        rolesClaim = rolesClaim == null ? "roles" : rolesClaim;
    }

    public boolean oidc() {
        return "oidc".equalsIgnoreCase(mode);
    }

    /** One user: the password as a bcrypt hash ({@code {bcrypt}$2a$...}), roles from {@link Roles}. */
    public record User(String name, String password, List<String> roles) {
    }
}
