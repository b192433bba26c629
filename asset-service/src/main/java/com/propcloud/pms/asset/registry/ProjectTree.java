package com.propcloud.pms.asset.registry;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A project's buildings, floors and units in one answer, for the registry's tree view: {@code
 * {"projectId","counts":{status: n},"buildings":[{"id","code","name","counts","floors":[{"floor",
 * "units":[{"id","number","status","area"}]}]}]}}. Counts name every status, zero included; floors
 * appear where units are, lowest first; {@code area} is the gross area.
 */
record ProjectTree(UUID projectId, Map<UnitStatus, Long> counts, List<BuildingNode> buildings) {

    record BuildingNode(UUID id, String code, String name, Map<UnitStatus, Long> counts, List<FloorNode> floors) {}

    record FloorNode(int floor, List<UnitNode> units) {}

    record UnitNode(UUID id, String number, UnitStatus status, BigDecimal area) {}
}
