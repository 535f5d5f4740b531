/** JasperReports templates and the renderer that fills them from the serving catalog (see the reports issue). */
package io.crmlake.reports;
