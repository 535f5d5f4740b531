package io.crmlake.reports;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jasperreports.engine.JRException;
import net.sf.jasperreports.engine.JasperCompileManager;
import net.sf.jasperreports.engine.JasperReport;

/**
 * JRXML templates from the classpath ({@code reports/<name>.jrxml}), compiled once per JVM.
 * Compiling takes about a second (JDT); filling a compiled report is what a request pays for.
 */
final class CompiledTemplates {

    private final Map<String, JasperReport> compiled = new ConcurrentHashMap<>();

    JasperReport get(String name) {
        return compiled.computeIfAbsent(name, CompiledTemplates::compile);
    }

    int size() {
        return compiled.size();
    }

    private static JasperReport compile(String name) {
        String resource = "reports/" + name + ".jrxml";
        try (InputStream jrxml = CompiledTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (jrxml == null) {
                throw new IllegalStateException("report template " + resource + " is missing from the classpath");
            }
            return JasperCompileManager.compileReport(jrxml);
        } catch (JRException | IOException e) {
            throw new IllegalStateException("report template " + resource + " does not compile: " + e.getMessage(), e);
        }
    }
}
