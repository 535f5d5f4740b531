package io.crmlake.etl.generate;

import java.util.ArrayList;
import java.util.List;

/**
 * What the business sells and through which sales channels: mobile plans sold as contracts
 * (is_contract = true; billed monthly to contractual customers) and retail goods in a few
 * categories (bought by non-contractual customers).
 */
final class ProductCatalog {

    /** A product with list price and standard cost in cents. */
    record Product(String id, long priceCents, long costCents, boolean contract) {}

    /** Sales channels with the share of non-contractual purchases they take. */
    static final String[] CHANNEL_IDS = {"CH-STORE", "CH-ONLINE", "CH-APP", "CH-PHONE", "CH-PARTNER"};
    static final double[] CHANNEL_WEIGHTS = {0.45, 0.25, 0.20, 0.05, 0.05};

    final List<Product> plans = new ArrayList<>();
    final List<Product> goods = new ArrayList<>();
    private final List<Row> productRows = new ArrayList<>();
    private final List<Row> channelRows = new ArrayList<>();

    ProductCatalog(Vocabulary w) {
        int[] planPrices = {38, 58, 88, 128, 198, 298};
        for (int price : planPrices) {
            String gen = price >= 128 ? "5G" : "4G";
            add(plans, String.format("P-PLAN-%03d", price), w.text(gen + "畅享套餐" + price + "元", gen + " Unlimited " + price),
                    w.text("通信套餐", "Mobile plans"), gen, price * 100L, price * 45L, true);
        }
        String[][] categories = {
                {"手机配件", "Accessories", "耳机", "Earphones", "充电器", "Charger", "手机壳", "Phone case", "移动电源", "Power bank"},
                {"家电", "Appliances", "电饭煲", "Rice cooker", "空气净化器", "Air purifier", "吸尘器", "Vacuum", "电水壶", "Kettle"},
                {"食品", "Groceries", "茶叶礼盒", "Tea gift box", "坚果礼包", "Nut hamper", "进口奶粉", "Infant formula", "粮油套装", "Pantry set"},
                {"服饰", "Apparel", "羽绒服", "Down jacket", "运动鞋", "Sneakers", "衬衫", "Shirt", "围巾", "Scarf"},
                {"美妆", "Beauty", "面霜", "Face cream", "精华液", "Serum", "口红", "Lipstick", "香水", "Perfume"}};
        int[][] prices = {{199, 89, 59, 149}, {399, 1299, 999, 129}, {268, 158, 329, 219}, {899, 499, 259, 169}, {459, 699, 299, 599}};
        for (int c = 0; c < categories.length; c++) {
            String[] cat = categories[c];
            for (int i = 0; i < 4; i++) {
                long price = prices[c][i] * 100L;
                add(goods, String.format("P-%02d%02d", c + 1, i + 1), w.text(cat[2 + 2 * i], cat[3 + 2 * i]),
                        w.text(cat[0], cat[1]), w.text(cat[2 + 2 * i], cat[3 + 2 * i]), price, price * 62 / 100, false);
            }
        }
        Layout ch = Layout.of("channels");
        String[][] channels = {
                {"CH-STORE", "门店", "Store", "store"}, {"CH-ONLINE", "网上商城", "Web shop", "online"},
                {"CH-APP", "手机App", "Mobile app", "app"}, {"CH-PHONE", "电话销售", "Telesales", "phone"},
                {"CH-PARTNER", "合作代理", "Partner reseller", "partner"}};
        for (String[] c : channels) {
            channelRows.add(ch.row(0).set("channel_id", c[0]).set("name", w.text(c[1], c[2])).set("channel_type", c[3]));
        }
    }

    private void add(List<Product> list, String id, String name, String category, String sub,
                     long price, long cost, boolean contract) {
        list.add(new Product(id, price, cost, contract));
        productRows.add(Layout.of("products").row(0).set("product_id", id).set("name", name).set("category", category)
                .set("subcategory", sub).set("unit_price", Formats.money(price)).set("unit_cost", Formats.money(cost))
                .set("is_contract", Formats.bool(contract)));
    }

    /** The plan whose monthly price is nearest to a customer's ARPU level. */
    Product planFor(double arpu) {
        Product best = plans.get(0);
        for (Product p : plans) {
            if (Math.abs(p.priceCents() / 100.0 - arpu) < Math.abs(best.priceCents() / 100.0 - arpu)) {
                best = p;
            }
        }
        return best;
    }

    List<Row> productRows() {
        return productRows;
    }

    List<Row> channelRows() {
        return channelRows;
    }
}
