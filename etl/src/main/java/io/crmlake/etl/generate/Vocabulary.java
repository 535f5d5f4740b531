package io.crmlake.etl.generate;

import java.util.List;

/**
 * The words of the synthetic business in one language: names, regions and cities, tiers,
 * occupations and labels. Chinese by default (the first users are Chinese banks, telecoms and
 * retailers); English with locale "en".
 */
final class Vocabulary {

    /** A region and its cities; the first city hosts the regional office. */
    record Region(String name, List<String> cities) {}

    final boolean chinese;
    final List<Region> regions;
    final String companyName;
    final List<String> tiers;
    final List<String> occupations;
    final List<String> aumBands;
    private final String[] surnames;
    private final String[] given;

    private Vocabulary(boolean chinese, List<Region> regions, String companyName, List<String> tiers,
                       List<String> occupations, List<String> aumBands, String[] surnames, String[] given) {
        this.chinese = chinese;
        this.regions = regions;
        this.companyName = companyName;
        this.tiers = tiers;
        this.occupations = occupations;
        this.aumBands = aumBands;
        this.surnames = surnames;
        this.given = given;
    }

    static Vocabulary forLocale(String locale) {
        return "en".equals(locale) ? english() : chinese();
    }

    private static Vocabulary chinese() {
        return new Vocabulary(true,
                List.of(new Region("华东区", List.of("上海", "杭州", "南京", "苏州")),
                        new Region("华南区", List.of("广州", "深圳", "厦门")),
                        new Region("华北区", List.of("北京", "天津", "济南")),
                        new Region("西南区", List.of("成都", "重庆", "昆明")),
                        new Region("华中区", List.of("武汉", "长沙", "郑州"))),
                "示例商业集团",
                List.of("普通", "银卡", "金卡", "钻石"),
                List.of("教师", "医生", "工程师", "销售", "公务员", "自由职业", "学生", "退休", "个体经营", "财务"),
                List.of("0-5万", "5-20万", "20-50万", "50-100万", "100万以上"),
                ("王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹").split(" "),
                ("伟 芳 娜 敏 静 丽 强 磊 军 洋 勇 艳 杰 娟 涛 明 超 秀 霞 平 刚 桂 英 华 玉 萍 红 鹏 辉 建 文 宇 晨 欣 怡 浩 然 博 雪 琳").split(" "));
    }

    private static Vocabulary english() {
        return new Vocabulary(false,
                List.of(new Region("East", List.of("Shanghai", "Hangzhou", "Nanjing", "Suzhou")),
                        new Region("South", List.of("Guangzhou", "Shenzhen", "Xiamen")),
                        new Region("North", List.of("Beijing", "Tianjin", "Jinan")),
                        new Region("Southwest", List.of("Chengdu", "Chongqing", "Kunming")),
                        new Region("Central", List.of("Wuhan", "Changsha", "Zhengzhou"))),
                "Example Commerce Group",
                List.of("Standard", "Silver", "Gold", "Diamond"),
                List.of("teacher", "doctor", "engineer", "sales", "civil servant", "freelancer", "student",
                        "retired", "self-employed", "accountant"),
                List.of("0-50k", "50k-200k", "200k-500k", "500k-1M", "1M+"),
                ("Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Thomas Moore Martin "
                        + "Jackson Thompson White Harris Clark Lewis Walker Young Allen King Wright Scott Green").split(" "),
                ("James Mary John Patricia Robert Jennifer Michael Linda David Elizabeth William Susan Richard "
                        + "Jessica Joseph Sarah Thomas Karen Daniel Lisa Matthew Nancy Anthony Emily Mark Laura").split(" "));
    }

    /** A person's name: surname + one or two given characters, or "First Last". */
    String personName(Rng rng) {
        if (chinese) {
            String name = rng.pick(surnames) + rng.pick(given);
            return rng.chance(0.6) ? name + rng.pick(given) : name;
        }
        return rng.pick(given) + " " + rng.pick(surnames);
    }

    String companyCustomerName(Rng rng, int n) {
        return chinese ? rng.pick(surnames) + "氏贸易有限公司" + n + "号" : rng.pick(surnames) + " Trading Co. " + n;
    }

    String regionOffice(String region) {
        return chinese ? region + "管理部" : region + " Region";
    }

    String branchName(String city) {
        return chinese ? city + "分公司" : city + " Branch";
    }

    String outletName(String city, int n) {
        return chinese ? city + "第" + n + "营业厅" : city + " Outlet " + n;
    }

    /** A mobile number: 11 digits starting 13x-19x in China, a 555 number otherwise. */
    String phone(Rng rng) {
        if (chinese) {
            return "1" + rng.between(3, 9) + String.format("%09d", rng.below(1_000_000_000));
        }
        return "+1-555-" + String.format("%03d-%04d", rng.below(1000), rng.below(10000));
    }

    String text(String zh, String en) {
        return chinese ? zh : en;
    }
}
