package io.crmlake.api.customers;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Everything the service knows about one customer, from the gold tables and the marts. */
record CustomerView(
        String customerId,
        Instant publishedAt,
        Map<String, Object> profile,
        Map<String, Object> value,
        List<Map<String, Object>> currentSegments,
        List<Map<String, Object>> segmentHistory,
        List<Map<String, Object>> recentTransactions,
        List<Map<String, Object>> recentTouchpoints,
        List<Map<String, Object>> openWarnings) {
}
