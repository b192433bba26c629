package com.propcloud.pms.user.seed;

import com.propcloud.pms.user.owner.OwnerAccounts.NewOwner;
import com.propcloud.pms.user.owner.OwnerCategory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The demo tenants' people beyond the nine who log in: owners of most homes and the office tower's
 * commercial tenants, for asset-service's seed to make occupants. Generated, the same every time:
 * the n-th person of a tenant has the phone {@code <prefix><n as 8 digits>} and the id {@code
 * pms-demo-person:<tenant code>:<n>} (a name-based UUID, derived the same way by asset-service's
 * seed); residents are 1 to {@code residents}, commercial tenants from {@value #COMMERCIAL_FROM}.
 * No passwords and no ID numbers: they would sign in by SMS code.
 */
final class DemoPeople {

    /** Commercial tenants are numbered from here, clear of the residents. */
    static final int COMMERCIAL_FROM = 5001;

    private static final String SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗";
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚婷华";
    private static final List<String> COMPANIES =
            List.of("科技", "咨询", "贸易", "传媒", "律师事务所", "投资", "设计", "教育", "医药", "物流", "软件", "会计师事务所");
    private static final List<String> CITIES = List.of("杭州", "浙江", "钱塘", "西湖", "之江", "江南");

    private DemoPeople() {}

    /** How many of each a demo tenant has. */
    record Counts(int residents, int commercialTenants) {}

    static Counts countsOf(String tenantCode) {
        return switch (tenantCode) {
            case DemoSeedRunner.DEMO -> new Counts(1900, 120);
            case DemoSeedRunner.ACME -> new Counts(270, 0);
            default -> new Counts(0, 0);
        };
    }

    static UUID id(String tenantCode, int n) {
        return UUID.nameUUIDFromBytes(("pms-demo-person:" + tenantCode + ":" + n).getBytes(StandardCharsets.UTF_8));
    }

    static String phone(String phonePrefix, int n) {
        return phonePrefix + String.format("%08d", n);
    }

    /** A person of the demo tenant and their number, to be opened if absent. */
    record Person(int n, NewOwner owner) {}

    /** Everyone after the login owners ({@code first} is the first number not yet seeded). */
    static List<Person> of(String tenantCode, String phonePrefix, int first) {
        Counts counts = countsOf(tenantCode);
        List<Person> people = new ArrayList<>(counts.residents() + counts.commercialTenants());
        for (int n = first; n <= counts.residents(); n++) {
            people.add(new Person(n, new NewOwner(residentName(n), OwnerCategory.OWNER, phone(phonePrefix, n), null)));
        }
        for (int m = 0; m < counts.commercialTenants(); m++) {
            int n = COMMERCIAL_FROM + m;
            people.add(new Person(
                    n, new NewOwner(companyName(m), OwnerCategory.COMMERCIAL_TENANT, phone(phonePrefix, n), null)));
        }
        return people;
    }

    static String residentName(int n) {
        int surname = n % SURNAMES.length();
        int given = (n / SURNAMES.length()) % GIVEN.length();
        int second = (n / (SURNAMES.length() * GIVEN.length())) % GIVEN.length();
        return "" + SURNAMES.charAt(surname) + GIVEN.charAt(given) + (second == 0 ? "" : GIVEN.charAt(second));
    }

    private static String companyName(int m) {
        return CITIES.get(m % CITIES.size()) + SURNAMES.charAt(m % SURNAMES.length())
                + GIVEN.charAt((m / 3) % GIVEN.length()) + COMPANIES.get(m % COMPANIES.size()) + "有限公司";
    }
}
