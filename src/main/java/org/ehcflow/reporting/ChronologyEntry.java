package org.ehcflow.reporting;

/**
 * One step in a child's case history, across every pathway.
 *
 * @param at when it happened (London date and time, ISO)
 * @param kind {@code case-opened}, {@code task}, {@code decision}, {@code notice}, {@code deadline},
 *     {@code exception}, {@code case-closed}
 * @param by the user who acted, where a person did
 */
public record ChronologyEntry(String at, String pathway, String caseKey, String processInstanceId, String kind,
    String event, String by, String detail) {}
