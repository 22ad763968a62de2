package dev.vidsim.tenants;

/** A customer account, identified by its API key. Its money lives in the ledger, not here. */
public record Tenant(String apiKey, String tier, String region) {}
