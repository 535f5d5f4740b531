/**
 * Customer-lifetime-value model maths, plain Java on arrays (no Spark).
 *
 * <ul>
 *   <li>{@code special}: Gaussian hypergeometric 2F1 (A&amp;S 15.1.1 with Pfaff/Euler transformations).</li>
 *   <li>{@code fit}: shared maximum likelihood over log-parameters (Hipparchus conjugate gradient,
 *       Hessian-preconditioned), observed-information standard errors, convergence report,
 *       {@code ModelFitException}.</li>
 *   <li>{@code bgnbd}: BG/NBD (Fader, Hardie &amp; Lee 2005) on compressed (x, t_x, T, count) data.</li>
 *   <li>{@code gammagamma}: Gamma-Gamma spend (Fader &amp; Hardie 2013).</li>
 *   <li>{@code sbg}: shifted-beta-geometric retention (Fader &amp; Hardie 2007) and DERL (Fader &amp; Hardie 2010).</li>
 *   <li>{@code clv}: explicit time units ({@code Span}, {@code ModelTimeUnit}) and discounted CLV.</li>
 * </ul>
 */
package io.crmlake.etl.model;
