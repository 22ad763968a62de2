package dev.vidsim.faults;

import com.fasterxml.jackson.databind.JsonNode;

/** One fault rule: when it applies, what it does, and the JSON it was declared with. */
public record FaultRule(String id, Match when, Effect effect, JsonNode source) {}
