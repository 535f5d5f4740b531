/**
 * The PDF reports: JRXML templates (resources {@code reports/*.jrxml}), their zh_CN and en
 * labels ({@code reports/i18n/labels*.properties}), the bundled CJK font extension
 * ({@code fonts/}), and {@link io.crmlake.reports.ReportRenderer}, which fills a template from a
 * JDBC connection to the serving catalog (DuckDB, read-only) and exports a PDF. No Spark, no
 * Spring: the API calls the renderer, and so do tests and benchmarks.
 */
package io.crmlake.reports;
