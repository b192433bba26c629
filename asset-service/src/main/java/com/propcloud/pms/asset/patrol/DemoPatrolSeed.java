package com.propcloud.pms.asset.patrol;

import com.propcloud.pms.asset.registry.DemoRegistrySeeded;
import com.propcloud.pms.asset.schedule.Cycle;
import com.propcloud.pms.asset.schedule.CycleKind;
import com.propcloud.pms.common.tenant.TenantContext;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A security patrol route per demo project ({@code pms.seed.demo}), walked by the {@code SECURITY} role
 * at 08:00 and 20:00, through five or six checkpoints with readable codes ({@code
 * DEMO-EMERALD-LAKE-01}; unique in the tenant, as the service requires). Created through {@link
 * PatrolRouteService}; the id is name-based and a route that exists is skipped.
 */
@Component
@ConditionalOnBooleanProperty("pms.seed.demo")
class DemoPatrolSeed {

    static final String ROUTE_NAME = "安保巡更 Security patrol";
    static final List<LocalTime> ROUNDS = List.of(LocalTime.of(8, 0), LocalTime.of(20, 0));

    private static final Map<String, List<String>> CHECKPOINTS = Map.of(
            "EMERALD-LAKE",
            List.of(
                    "南门岗亭 South gate",
                    "1栋大堂 Building 1 lobby",
                    "中心花园 Central garden",
                    "地下车库B1入口 B1 garage ramp",
                    "地下二层水泵房 B2 pump room",
                    "北门岗亭 North gate"),
            "HUIJIN-TOWER",
            List.of(
                    "大堂前台 Lobby reception",
                    "一楼消防控制室 Fire control room",
                    "地下一层卸货区 B1 loading dock",
                    "地下二层车库 B2 garage",
                    "32层屋面出口 Roof access, floor 32"),
            "PINE-COURT",
            List.of("正门岗亭 Main gate", "中庭 Courtyard", "地下车库 B1 garage", "水泵房 Pump room", "后门 Back gate"));

    private final PatrolRouteService service;
    private final PatrolRouteRepository routes;
    private final TransactionTemplate transactions;

    DemoPatrolSeed(PatrolRouteService service, PatrolRouteRepository routes, TransactionTemplate transactions) {
        this.service = service;
        this.routes = routes;
        this.transactions = transactions;
    }

    @EventListener
    void on(DemoRegistrySeeded seeded) {
        TenantContext.runAs(
                seeded.tenantId(),
                () -> transactions.executeWithoutResult(status -> {
                    for (String project : seeded.projectCodes()) {
                        UUID id = seeded.id("pms-demo-patrol-route", project);
                        List<String> places = CHECKPOINTS.getOrDefault(project, List.of());
                        if (places.isEmpty() || routes.existsById(id)) {
                            continue;
                        }
                        List<PatrolRoute.Stop> stops = IntStream.range(0, places.size())
                                .mapToObj(i -> new PatrolRoute.Stop(
                                        String.format("DEMO-%s-%02d", project, i + 1), places.get(i)))
                                .toList();
                        service.create(
                                id,
                                seeded.projectId(project),
                                new PatrolRoute.Details(
                                        ROUTE_NAME,
                                        new Cycle(CycleKind.TIMES_OF_DAY, null, null, null, ROUNDS, service.today()),
                                        stops,
                                        null,
                                        "SECURITY",
                                        PatrolRouteRequests.DEFAULT_LEAD,
                                        true),
                                DemoRegistrySeeded.SCOPE);
                    }
                }));
    }
}
