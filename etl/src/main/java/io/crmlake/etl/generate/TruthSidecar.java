package io.crmlake.etl.generate;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The generator's own files under {@code <landing>/_generator/} (the underscore keeps them out of
 * any entity): {@code truth.json} (spec, model parameters, quirk and row counts),
 * {@code customer_truth.csv} (each customer's drawn parameters, for checking fitted models) and
 * {@code defects.csv} (the manifest of injected defects).
 */
final class TruthSidecar {

    static final String DIR = "_generator";

    private static final ObjectMapper JSON = new ObjectMapper();

    private TruthSidecar() {}

    static void writeTruth(Path root, GeneratorSpec spec, Window window, ObjectNode quirks,
                           Map<String, Long> rows, Map<String, Long> defects) throws IOException {
        GeneratorSpec.Model model = spec.model();
        ObjectNode t = JSON.createObjectNode();
        ObjectNode s = t.putObject("spec");
        s.put("seed", spec.seed());
        s.put("customers", spec.customers());
        s.put("months", spec.months());
        s.put("start_month", spec.startMonth().toString());
        s.put("end_month", window.month(window.months - 1).toString());
        s.put("locale", spec.locale());
        s.put("dirty_rate", spec.dirtyRate());
        s.put("contractual_share", spec.contractualShare());
        s.put("offset", spec.offset().getId());
        ObjectNode bg = t.putObject("bg_nbd");
        bg.put("time_unit", "weeks");
        bg.put("r", model.bgNbd().r());
        bg.put("alpha", model.bgNbd().alpha());
        bg.put("a", model.bgNbd().a());
        bg.put("b", model.bgNbd().b());
        bg.put("source", "Fader, Hardie & Lee (2005), CDNOW estimates; lambda ~ Gamma(r, rate alpha), p ~ Beta(a, b)");
        ObjectNode gg = t.putObject("gamma_gamma");
        gg.put("p", model.gammaGamma().p());
        gg.put("q", model.gammaGamma().q());
        gg.put("gamma", model.gammaGamma().gamma());
        gg.put("mean_spend", model.gammaGamma().p() * model.gammaGamma().gamma() / (model.gammaGamma().q() - 1));
        gg.put("currency", "CNY");
        gg.put("source", "Colombo & Jiang (1999); Fader & Hardie (2013): nu ~ Gamma(q, rate gamma), z ~ Gamma(p, rate nu)");
        ObjectNode sbg = t.putObject("sbg");
        sbg.put("period", "month");
        sbg.put("alpha", model.sbg().alpha());
        sbg.put("beta", model.sbg().beta());
        sbg.put("mean_churn", model.sbg().alpha() / (model.sbg().alpha() + model.sbg().beta()));
        sbg.put("source", "Fader & Hardie (2007): theta ~ Beta(alpha, beta), monthly churn probability theta");
        ObjectNode arpu = t.putObject("arpu");
        arpu.put("median", model.arpuMedian());
        arpu.put("sigma", ContractualSubscriber.ARPU_SIGMA);
        ObjectNode c = t.putObject("campaigns");
        c.put("uplift", model.uplift());
        c.put("uplift_days", model.upliftDays());
        c.put("uplift_applies_to", "non_contractual purchase rate after an outbound, non-control, non-failed contact");
        c.put("control_share", Campaigns.CONTROL_SHARE);
        c.put("consent_leak_rate", Campaigns.CONSENT_LEAK);
        t.set("delivery_quirks", quirks);
        t.set("rows", JSON.valueToTree(rows));
        t.set("defects", JSON.valueToTree(defects));
        ObjectNode files = t.putObject("files");
        files.put("customer_truth", DIR + "/customer_truth.csv");
        files.put("defects", DIR + "/defects.csv");
        DefaultPrettyPrinter pretty = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
        String text = JSON.writer(pretty).writeValueAsString(t) + "\n";
        Files.writeString(dir(root).resolve("truth.json"), text, StandardCharsets.UTF_8);
    }

    static void writeCustomerTruth(Path root, CustomerBase customers, NonContractualBuyer buyer,
                                   ContractualSubscriber subscriber, Window window) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir(root).resolve("customer_truth.csv"), StandardCharsets.UTF_8)) {
            w.write("customer_id,relationship,join_ts,lambda_per_week,dropout_p,spend_nu,repeat_purchases,alive_at_end,"
                    + "churn_theta,arpu_level,closed_batch\n");
            for (int i = 0; i < customers.size; i++) {
                boolean contract = customers.contractual[i];
                w.write(String.join(",", CustomerBase.id(i), contract ? "contractual" : "non_contractual",
                        Formats.timestamp(customers.joinTs[i], window.offset),
                        contract ? "" : Double.toString(buyer.lambda[i]),
                        contract ? "" : Double.toString(buyer.dropout[i]),
                        contract ? "" : Double.toString(buyer.nu[i]),
                        contract ? "" : Integer.toString(buyer.repeats[i]),
                        Formats.bool(contract ? subscriber.closedMonth[i] < 0 : buyer.aliveAtEnd(i)),
                        contract ? Double.toString(subscriber.theta[i]) : "",
                        contract ? Double.toString(subscriber.arpu[i]) : "",
                        contract && subscriber.closedMonth[i] >= 0 ? window.batch(subscriber.closedMonth[i]) : ""));
                w.write('\n');
            }
        }
    }

    /** defects.csv: entity,batch_id,source_file,row_number,reason (header only when clean). */
    static void writeDefects(Path root, List<String> manifestLines) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(dir(root).resolve("defects.csv"), StandardCharsets.UTF_8)) {
            w.write("entity,batch_id,source_file,row_number,reason\n");
            for (String line : manifestLines) {
                w.write(line);
                w.write('\n');
            }
        }
    }

    private static Path dir(Path root) throws IOException {
        return Files.createDirectories(root.resolve(DIR));
    }
}
