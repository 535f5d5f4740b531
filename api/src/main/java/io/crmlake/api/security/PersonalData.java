package io.crmlake.api.security;

import io.crmlake.warehouse.catalog.Column;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * Masks customers' personal data for callers below the analyst role. Which columns are personal
 * is said once, in the warehouse catalog: their comment carries "(personal data)" (name, phone,
 * birth_date of dim_customer).
 */
@Component
public class PersonalData {

    static final String MARKER = "(personal data)";

    private final RoleHierarchy roles;

    PersonalData(RoleHierarchy roles) {
        this.roles = roles;
    }

    public static boolean isPersonal(Column column) {
        return column.comment().contains(MARKER);
    }

    public boolean mayRead(Authentication caller) {
        if (caller == null) {
            return false;
        }
        Collection<? extends GrantedAuthority> reachable = roles.getReachableGrantedAuthorities(caller.getAuthorities());
        return reachable.stream().anyMatch(a -> ("ROLE_" + Roles.ANALYST).equals(a.getAuthority()));
    }

    /** The row with personal columns masked when the caller may not read them. */
    public Map<String, Object> apply(Authentication caller, Iterable<Column> columns, Map<String, Object> row) {
        if (mayRead(caller)) {
            return row;
        }
        for (Column c : columns) {
            if (isPersonal(c) && row.containsKey(c.name())) {
                row.put(c.name(), mask(row.get(c.name())));
            }
        }
        return row;
    }

    /** 张三丰 → 张**, 13812345678 → *******5678, a birth date → its year only. */
    static Object mask(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof LocalDate d) {
            return String.valueOf(d.getYear());
        }
        String s = value.toString();
        if (s.length() > 6 && s.chars().allMatch(ch -> Character.isDigit(ch) || ch == '+' || ch == '-' || ch == ' ')) {
            return "*".repeat(s.length() - 4) + s.substring(s.length() - 4);
        }
        int first = s.isEmpty() ? 0 : s.offsetByCodePoints(0, 1);
        return s.substring(0, first) + "*".repeat(Math.max(s.codePointCount(0, s.length()) - 1, 1));
    }
}
