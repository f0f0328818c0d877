/**
 * Benchmarks: JMH classes and the in-process runtime harness behind {@code crosscountry bench --runtime}.
 *
 * <h2>Runtime benchmark</h2>
 * For each paper task, at its example arguments, one thread: the primal called directly
 * ({@link io.crosscountry.samples.bench.DirectPrimals}); our generated Jacobian
 * ({@code CompiledJacobian.applyFlatInto}, at the flattened inputs the baselines get too) for forward,
 * reverse, min-Markowitz and the best order that {@code CrossCountry.optimize} finds in a few seconds
 * (EFFECTIVE mode), and that order through {@code applyInto(J, Object...)} with boxed arguments;
 * Hipparchus {@code Gradient}
 * and {@code DerivativeStructure} (graph-driven), central differences and the tape reverse mode.
 * {@link io.crosscountry.samples.bench.RuntimeSuite} builds these and checks each against the dual
 * numbers before anything is timed.
 *
 * <h3>In process (all methods in one JVM, ratios, chart)</h3>
 * <pre>
 * ./crosscountry bench --runtime                                 # the 10 paper tasks, ~2 s per method
 * ./crosscountry bench --runtime --tasks RoeFlux_1d,g --seconds 2 --json --out target/runtime
 * </pre>
 * See {@link io.crosscountry.samples.bench.RuntimeHarness} for how it warms up and measures.
 *
 * <h3>JMH ({@link io.crosscountry.samples.bench.RuntimeBenchmarks})</h3>
 * The shaded CLI jar also holds JMH and the benchmark list:
 * <pre>
 * java -cp agent/target/crosscountry-agent.jar org.openjdk.jmh.Main RuntimeBenchmarks -p task=RoeFlux_1d
 * java -cp agent/target/crosscountry-agent.jar org.openjdk.jmh.Main 'RuntimeBenchmarks.(fwd|rev|best|primal)$' -p task=g
 * </pre>
 * <ul>
 *   <li><b>Allocation:</b> add {@code -prof gc}; {@code gc.alloc.rate.norm} is bytes per call. Our
 *       {@code applyFlatInto} and {@code applyInto} should show ≈ 0 B/op (flat inputs are read in place,
 *       boxed arguments flattened into a thread-local buffer,
 *       results go into the caller's array); central differences allocate (boxed arguments of the
 *       MethodHandle call, the method's result arrays).</li>
 *   <li><b>JIT:</b> {@code -prof comp} reports compilation time per iteration; it should fall to ~0
 *       during measurement. To see that the generated chunk methods are C2-compiled, add
 *       {@code -jvmArgsAppend -XX:+PrintCompilation} and look for lines such as
 *       {@code 4  io.crosscountry.codegen.GeneratedJacobian/0x…::elim0 (2915 bytes)} — the tier
 *       column {@code 4} is C2; chunks are named {@code fwd<i>} (primal and partials) and
 *       {@code elim<i>} (elimination), each kept under HotSpot's 8,000-byte limit for compiling.
 *       {@code made not entrant} lines for them during measurement mean deoptimisation. The same works
 *       for the in-process harness:
 *       {@code CROSSCOUNTRY_JAVA_OPTS=-XX:+PrintCompilation ./crosscountry bench --runtime --tasks RoeFlux_1d 2>/dev/null | grep GeneratedJacobian};
 *       the harness also checks it itself: its {@code C2} column (JSON {@code c2_chunks}) counts the
 *       chunk methods with a successful tier-4 compilation, or inlined into one, from JFR's
 *       compilation events ({@link io.crosscountry.samples.bench.C2Compilations}).</li>
 * </ul>
 */
package io.crosscountry.samples.bench;
