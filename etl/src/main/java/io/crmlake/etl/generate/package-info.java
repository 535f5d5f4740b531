/**
 * The synthetic business: a company with regions, branches and outlets, products and channels,
 * customers who join over the window, buy, subscribe, churn, are contacted by campaigns, and the
 * landing files a source system would deliver for it, one monthly batch at a time.
 *
 * <h2>Entry point and output</h2>
 * {@link io.crmlake.etl.generate.Generator#generate(GeneratorSpec, java.nio.file.Path,
 * java.util.function.Consumer)} writes {@code <landing>/<entity>/<yyyy-MM>/<entity>-<yyyy-MM>.csv}
 * and then an empty {@code _SUCCESS}, following the landing contract ({@code catalog/landing.yml}:
 * header = the contract's field names in catalog order). Customers and transactions get a batch
 * every month; products, channels, org_units and staff the first month; campaigns the month they
 * start; the others the months they have rows. {@code <landing>/_generator/} holds
 * {@code truth.json} (spec, parameters, counts), {@code customer_truth.csv} (each customer's drawn
 * λ, p, ν, θ, ARPU level) and {@code defects.csv} (the injected defects, line by line).
 *
 * <h2>Model choices and defaults</h2>
 * <ul>
 * <li><b>Non-contractual buying: BG/NBD</b> (Fader, Hardie &amp; Lee 2005), in weeks. λ ~ Gamma(r, rate
 * α), p ~ Beta(a, b); trial purchase at the join, exponential gaps at rate λ, dropout with
 * probability p right after each repeat purchase. Defaults r = 0.243, α = 4.414, a = 0.793,
 * b = 2.426: the paper's CDNOW estimates, so the CLV models can be checked against published
 * numbers and known behaviour (most customers buy rarely; a few buy often).</li>
 * <li><b>Spend: Gamma-Gamma</b> (Colombo &amp; Jiang 1999; Fader &amp; Hardie 2013). ν ~ Gamma(q, rate γ),
 * z ~ Gamma(p, rate ν). Defaults p = 6.25, q = 3.74, γ = 175 give a mean spend p·γ/(q−1) ≈ 399
 * CNY, a plausible retail basket. Margin 20–45 % of revenue, 3 % loss-making promotions; 2 % of
 * purchases are refunded within two weeks.</li>
 * <li><b>Contractual churn: shifted-beta-geometric</b> (Fader &amp; Hardie 2007), per month. θ ~
 * Beta(α, β); at each month after the opening month the account closes with probability θ.
 * Defaults α = 0.9, β = 11: mean monthly churn 7.6 %, in the range of prepaid mobile, with the
 * heterogeneity that makes the retention curve flatten (the sBG's point).</li>
 * <li><b>ARPU</b>: per-account lognormal level, median 90 CNY, σ = 0.45, so ~60 % of accounts are
 * above 80 and ~40 % below (the "ARPU above 80" KPI has both sides); bills vary ±8 %.</li>
 * <li><b>Contacts cause buying</b>: for 30 days after an outbound, non-control, non-failed contact
 * a non-contractual customer's λ is multiplied by 1 + uplift (default 0.3). Campaigns with a
 * control group hold out 10 % of the audience (recorded with is_control = true, no outcome), so
 * uplift is measurable against them. 2 % of contacts ignore a missing consent.</li>
 * <li><b>Joins</b>: 25 % of customers join in the first month (the existing base), the rest
 * evenly over the other months; 40 % are contractual. 4.5 % of known customers change tier,
 * city/region or owner each month (SCD2 material).</li>
 * <li><b>Delivery quirks</b> (not defects): 0.5 % of transactions arrive one batch late, 0.3 % are
 * re-delivered corrected in a later batch, 1 % of customers' first rows arrive one batch after
 * their first transaction.</li>
 * <li><b>Defects</b> ({@code dirtyRate}): extra rows only, about rate × rows per file, one defect
 * each, named by its {@link io.crmlake.warehouse.catalog.QuarantineReason} code.</li>
 * </ul>
 *
 * <h2>Determinism and memory</h2>
 * Every concern draws from its own seeded stream ({@code Rng}: Well19937c through Hipparchus'
 * RandomDataGenerator), iteration is always by customer number, and no hash order or clock reaches
 * the files: the same spec gives byte-identical files, and a dirty run's good rows equal the clean
 * run's. Per-customer state lives in parallel arrays; only the current month's rows are in
 * memory (100,000 customers × 24 months: about 1.8 M rows in ~30 s with a 2 GB heap).
 */
package io.crmlake.etl.generate;
