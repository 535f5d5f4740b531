package io.crmlake.api.security;

import io.crmlake.api.problems.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. Executive: KPIs, the catalog status and the customer view with personal
 * data masked; analyst: also the marts (JSON and CSV) and personal data; admin: also the admin
 * triggers and the metrics. The portal page, API docs and health are open: they carry no data.
 */
@Configuration
class SecurityConfig {

    @Bean
    RoleHierarchy roleHierarchy() {
        return RoleHierarchyImpl.withDefaultRolePrefix()
                .role(Roles.ADMIN).implies(Roles.ANALYST)
                .role(Roles.ANALYST).implies(Roles.EXECUTIVE)
                .build();
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AccessProperties access, JsonMapper json) throws Exception {
        AuthenticationEntryPoint signInFirst = (req, res, ex) -> problem(json, res, HttpStatus.UNAUTHORIZED,
                "unauthorized", "sign in first: this needs valid credentials (" + (access.oidc() ? "a bearer token" : "HTTP Basic") + ")",
                !access.oidc() && !"XMLHttpRequest".equals(req.getHeader("X-Requested-With")));
        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/index.html", "/portal/**", "/favicon.ico", "/error").permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                        .requestMatchers("/actuator/**", "/api/admin/**").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/marts", "/api/marts/**").hasRole(Roles.ANALYST)
                        .requestMatchers("/api/kpis", "/api/customers/**", "/api/catalog").hasRole(Roles.EXECUTIVE)
                        // Reports: render, archive, schedules for executives up; running a schedule is admin only.
                        .requestMatchers(HttpMethod.POST, "/api/reports/schedules/*/run").hasRole(Roles.ADMIN)
                        .requestMatchers("/api/reports/**").hasRole(Roles.EXECUTIVE)
                        .anyRequest().authenticated())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless API with credentials on every request and no session cookie.
                .csrf(c -> c.disable())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint(signInFirst)
                        .accessDeniedHandler((req, res, ex) -> problem(json, res, HttpStatus.FORBIDDEN,
                                "forbidden", "your role may not use " + req.getRequestURI(), false)));
        if (access.oidc()) {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setJwtGrantedAuthoritiesConverter(rolesFromClaim(access.rolesClaim()));
            http.oauth2ResourceServer(o -> o.authenticationEntryPoint(signInFirst)
                    .jwt(j -> j.jwtAuthenticationConverter(converter)));
        } else {
            // Wrong credentials are refused even on open pages, with the same problem+json.
            http.httpBasic(b -> b.authenticationEntryPoint(signInFirst));
        }
        return http.build();
    }

    @Bean
    UserDetailsService users(AccessProperties access) {
        List<UserDetails> users = new ArrayList<>();
        for (AccessProperties.User u : access.users()) {
            if (u.password() == null || !u.password().startsWith("{bcrypt}")) {
                throw new IllegalStateException("crmlake.security.users: user '" + u.name()
                        + "' needs a bcrypt password hash written as {bcrypt}$2a$...; plain passwords are refused");
            }
            users.add(User.withUsername(u.name()).password(u.password())
                    .roles(u.roles().stream().map(r -> r.toUpperCase(Locale.ROOT)).toArray(String[]::new)).build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    PasswordEncoder passwordEncoder(AccessProperties access) {
        return new RememberedPasswords(PasswordEncoderFactories.createDelegatingPasswordEncoder(), access.rememberPasswords());
    }

    /** The identity provider puts role names (executive, analyst, admin) in one claim. */
    static Converter<Jwt, Collection<GrantedAuthority>> rolesFromClaim(String claim) {
        return jwt -> {
            List<String> roles = jwt.getClaimAsStringList(claim);
            return roles == null ? List.of() : roles.stream()
                    .map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r.toUpperCase(Locale.ROOT)))
                    .toList();
        };
    }

    private static void problem(JsonMapper json, HttpServletResponse res, HttpStatus status, String type, String detail,
                                boolean basicChallenge) throws IOException {
        ProblemDetail p = Problems.of(status, type, detail);
        res.setStatus(status.value());
        if (basicChallenge) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"crmlake\"");
        }
        res.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(res.getOutputStream(), p);
    }
}
