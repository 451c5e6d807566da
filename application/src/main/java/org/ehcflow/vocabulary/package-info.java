/**
 * The case's vocabulary: every process variable declared once, typed, per pathway; every code list
 * the models, forms, decision tables and reports share; the child's identity; the business key
 * rules; the process keys and messages the pathways publish to each other.
 *
 * <p>It sits at the bottom with {@code statutory}: it depends on nothing of ours and, of Camunda,
 * only on the variable API, so any package may use it and it can never pull a feature in. Values
 * cross the engine as the integration contract's plain values ({@code yyyy-MM-dd} strings for
 * dates, code strings for code lists), and become {@code LocalDate}s and enums here.
 */
package org.ehcflow.vocabulary;
