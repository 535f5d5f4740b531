package io.crmlake.etl.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * The organisation: one company → regions → branches (one per city) → outlets, and the staff who
 * work at the outlets. Outlets scale mildly with the customer base (about one per 2,000
 * customers, at least 6) so a small demo still has a hierarchy worth drilling into.
 */
final class OrgChart {

    static final int CUSTOMERS_PER_OUTLET = 2000;
    static final int MIN_OUTLETS = 6;

    /** An outlet and its staff by role. */
    record Outlet(String id, String city, String region, String manager, List<String> accountManagers,
                  List<String> sales, List<String> service) {}

    private final List<Row> orgRows = new ArrayList<>();
    private final List<Row> staffRows = new ArrayList<>();
    final List<Outlet> outlets = new ArrayList<>();

    OrgChart(int customers, Vocabulary words, Rng rng) {
        Layout org = Layout.of("org_units");
        String company = "ORG-HQ";
        orgRows.add(org.row(0).set("org_unit_id", company).set("name", words.companyName)
                .set("level", "company").set("city", words.regions.get(0).cities().get(0)));

        // Regions and one branch per city; then the cities in region-interleaved order (first city of
        // every region, then the second...), so even six outlets spread over all regions.
        List<List<String[]>> perRegion = new ArrayList<>(); // {city, region, branchId}
        int branchNo = 0;
        for (int r = 0; r < words.regions.size(); r++) {
            Vocabulary.Region region = words.regions.get(r);
            String regionId = String.format("ORG-R%02d", r + 1);
            orgRows.add(org.row(0).set("org_unit_id", regionId).set("name", words.regionOffice(region.name()))
                    .set("level", "region").set("parent_id", company).set("city", region.cities().get(0)));
            List<String[]> branches = new ArrayList<>();
            for (String city : region.cities()) {
                String branchId = String.format("ORG-B%03d", ++branchNo);
                orgRows.add(org.row(0).set("org_unit_id", branchId).set("name", words.branchName(city))
                        .set("level", "branch").set("parent_id", regionId).set("city", city));
                branches.add(new String[] {city, region.name(), branchId});
            }
            perRegion.add(branches);
        }
        List<String[]> cities = new ArrayList<>();
        for (int c = 0; cities.size() < branchNo; c++) {
            for (List<String[]> branches : perRegion) {
                if (c < branches.size()) {
                    cities.add(branches.get(c));
                }
            }
        }

        int outletCount = Math.max(MIN_OUTLETS, Math.round(customers / (float) CUSTOMERS_PER_OUTLET));
        int[] perCity = new int[cities.size()];
        Layout staff = Layout.of("staff");
        int staffNo = 0;
        for (int o = 0; o < outletCount; o++) {
            int c = o % cities.size();
            String[] city = cities.get(c);
            String outletId = String.format("ORG-O%04d", o + 1);
            orgRows.add(org.row(0).set("org_unit_id", outletId).set("name", words.outletName(city[0], ++perCity[c]))
                    .set("level", "outlet").set("parent_id", city[2]).set("city", city[0]));
            String manager = null;
            List<String> am = new ArrayList<>();
            List<String> sales = new ArrayList<>();
            List<String> service = new ArrayList<>();
            String[] roles = {"manager", "account_manager", "account_manager", "account_manager", "sales", "sales", "service", "service"};
            for (String role : roles) {
                String id = String.format("S%05d", ++staffNo);
                staffRows.add(staff.row(0).set("staff_id", id).set("name", words.personName(rng))
                        .set("org_unit_id", outletId).set("role", role));
                switch (role) {
                    case "manager" -> manager = id;
                    case "account_manager" -> am.add(id);
                    case "sales" -> sales.add(id);
                    default -> service.add(id);
                }
            }
            outlets.add(new Outlet(outletId, city[0], city[1], manager, List.copyOf(am), List.copyOf(sales), List.copyOf(service)));
        }
    }

    List<Row> orgUnitRows() {
        return orgRows;
    }

    List<Row> staffRows() {
        return staffRows;
    }

    /** All cities with their region, in a stable order (for customers who live elsewhere than their outlet). */
    static List<String[]> cityRegions(Vocabulary words) {
        List<String[]> out = new ArrayList<>();
        for (Vocabulary.Region r : words.regions) {
            for (String c : r.cities()) {
                out.add(new String[] {c, r.name()});
            }
        }
        return out;
    }
}
