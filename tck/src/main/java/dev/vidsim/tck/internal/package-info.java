/**
 * The TCK's machinery: the property world, the simulator host, the action chains, coverage and
 * failure reports. Public only so that {@code dev.vidsim.tck} and vidsim's own tests can reach
 * it; not part of vidsim-tck's API (not in its {@code .api} dump) and may change in any release.
 */
package dev.vidsim.tck.internal;
