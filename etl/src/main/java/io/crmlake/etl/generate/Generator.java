package io.crmlake.etl.generate;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.crmlake.warehouse.catalog.Catalog;
import io.crmlake.warehouse.catalog.LandingEntity;
import io.crmlake.warehouse.catalog.QuarantineReason;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Generates a synthetic business into a landing folder, one monthly batch at a time:
 * {@code <landing>/<entity>/<yyyy-MM>/<entity>-<yyyy-MM>.csv} plus {@code _SUCCESS}, and the
 * sidecar under {@code <landing>/_generator/}. Only the current month's rows are held in memory;
 * per-customer state lives in compact arrays. Same spec ⇒ byte-identical files.
 */
public final class Generator {

    private Generator() {}

    public static GenerationSummary generate(GeneratorSpec spec, Path landingRoot) {
        return generate(spec, landingRoot, line -> { });
    }

    /** As {@link #generate(GeneratorSpec, Path)}, reporting one line per batch written ("batch 2024-03: 41,230 rows"). */
    public static GenerationSummary generate(GeneratorSpec spec, Path landingRoot, Consumer<String> progress) {
        try {
            return new Run(spec, landingRoot, progress).run();
        } catch (IOException e) {
            throw new UncheckedIOException("generating into " + landingRoot + " failed: " + e.getMessage(), e);
        }
    }

    /** One generation run: the business's state and the counters of what was written. */
    private static final class Run {
        private final GeneratorSpec spec;
        private final Path root;
        private final Consumer<String> progress;
        private final Window window;
        private final Map<String, Long> rows = new LinkedHashMap<>();
        private final Map<QuarantineReason, Long> defects = new EnumMap<>(QuarantineReason.class);
        private final List<String> manifest = new ArrayList<>();
        private int files;

        Run(GeneratorSpec spec, Path root, Consumer<String> progress) {
            this.spec = spec;
            this.root = root;
            this.progress = progress;
            this.window = new Window(spec.startMonth(), spec.months(), spec.offset());
            for (LandingEntity e : Catalog.get().landingEntities()) {
                rows.put(e.name(), 0L);
            }
        }

        GenerationSummary run() throws IOException {
            long started = System.nanoTime(); // only for the summary's elapsed time, never in the files
            refuseNonEmpty();
            Vocabulary words = Vocabulary.forLocale(spec.locale());
            OrgChart org = new OrgChart(spec.customers(), words, new Rng(spec.seed(), "org"));
            ProductCatalog catalog = new ProductCatalog(words);
            Ids ids = new Ids();
            DeliveryQuirks quirks = new DeliveryQuirks(spec, window);
            CustomerBase customers = new CustomerBase(spec, window, org, words);
            ContractualSubscriber subscriber = new ContractualSubscriber(spec, customers, catalog, org, window, ids);
            NonContractualBuyer buyer = new NonContractualBuyer(spec, customers, catalog, org, window, ids, quirks);
            Campaigns campaigns = new Campaigns(spec, customers, subscriber, org, window, words, ids);
            DefectInjector injector = new DefectInjector(spec, ids, window);
            ContactLog contacts = new ContactLog(customers.size);

            for (int m = 0; m < window.months; m++) {
                Map<String, List<Row>> batch = new LinkedHashMap<>();
                for (LandingEntity e : Catalog.get().landingEntities()) {
                    batch.put(e.name(), new ArrayList<>());
                }
                if (m == 0) {
                    batch.get("products").addAll(catalog.productRows());
                    batch.get("channels").addAll(catalog.channelRows());
                    batch.get("org_units").addAll(org.orgUnitRows());
                    batch.get("staff").addAll(org.staffRows());
                }
                batch.get("customers").addAll(customers.rowsFor(m));
                campaigns.month(m, batch.get("campaigns"), batch.get("touchpoints"), contacts);
                List<Row> happened = new ArrayList<>();
                buyer.month(m, contacts, happened);
                subscriber.month(m, batch.get("accounts"), happened, batch.get("account_balances"));
                batch.get("transactions").addAll(quirks.transactionsBatch(m, happened));

                long written = 0;
                for (Map.Entry<String, List<Row>> e : batch.entrySet()) {
                    boolean everyMonth = e.getKey().equals("customers") || e.getKey().equals("transactions");
                    if (e.getValue().isEmpty() && !everyMonth) {
                        continue;
                    }
                    written += write(e.getKey(), window.batch(m), e.getValue(), injector);
                }
                progress.accept(String.format(Locale.ROOT, "batch %s: %,d rows", window.batch(m), written));
            }

            Map<String, Long> defectCodes = new LinkedHashMap<>();
            defects.forEach((r, n) -> defectCodes.put(r.code(), n));
            ObjectNode quirkCounts = new ObjectMapper().createObjectNode();
            quirkCounts.put("late_transactions", quirks.lateCount());
            quirkCounts.put("corrected_transactions", quirks.correctionCount());
            quirkCounts.put("late_customers", customers.lateCount());
            quirkCounts.put("late_rate", DeliveryQuirks.LATE_RATE);
            quirkCounts.put("correction_rate", DeliveryQuirks.CORRECTION_RATE);
            quirkCounts.put("customer_changes", customers.changeCount());
            quirkCounts.put("account_closures", subscriber.closures());
            quirkCounts.put("control_group_rows", campaigns.controlCount());
            quirkCounts.put("contacts_without_consent", campaigns.consentLeaks());
            TruthSidecar.writeDefects(root, manifest);
            TruthSidecar.writeCustomerTruth(root, customers, buyer, subscriber, window);
            TruthSidecar.writeTruth(root, spec, window, quirkCounts, rows, defectCodes);
            long elapsed = (System.nanoTime() - started) / 1_000_000;
            return new GenerationSummary(root, rows, defectCodes, window.months, files, elapsed);
        }

        /** Writes one entity's batch file (good rows sorted by time, bad rows among them); returns lines written. */
        private long write(String entity, String batchId, List<Row> good, DefectInjector injector) throws IOException {
            good.sort(Comparator.comparingLong(r -> r.ts)); // stable: equal times keep generation order
            List<DefectInjector.Line> lines = injector.lines(entity, good);
            LandingWriter w = new LandingWriter(root, entity, batchId, Layout.of(entity).header);
            for (DefectInjector.Line line : lines) {
                if (line.good() != null) {
                    w.writeRow(line.good().values);
                } else {
                    long rowNumber = w.writeRaw(line.raw());
                    manifest.add(String.join(",", entity, batchId, w.relativeFile(), Long.toString(rowNumber),
                            line.reason().code()));
                    defects.merge(line.reason(), 1L, Long::sum);
                }
            }
            w.finish();
            files++;
            rows.merge(entity, (long) good.size(), Long::sum);
            return lines.size();
        }

        /** A landing root that already holds generated entities would mix two runs: refuse it. */
        private void refuseNonEmpty() throws IOException {
            if (!Files.isDirectory(root)) {
                return;
            }
            for (LandingEntity e : Catalog.get().landingEntities()) {
                if (Files.exists(root.resolve(e.name()))) {
                    throw new IllegalStateException("landing root " + root + " already holds '" + e.name()
                            + "'; generate into an empty folder");
                }
            }
            if (Files.exists(root.resolve(TruthSidecar.DIR))) {
                throw new IllegalStateException("landing root " + root + " already holds " + TruthSidecar.DIR);
            }
        }
    }
}
