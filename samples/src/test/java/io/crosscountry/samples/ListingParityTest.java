package io.crosscountry.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.crosscountry.CrossCountry;
import io.crosscountry.elimination.Graph;
import io.crosscountry.elimination.Operand;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scalar tasks' graphs equal the published equation listings (TASKS.md) vertex by vertex: the
 * same operation, the same operands in the same positions (inputs, earlier vertices, literals) and
 * the same outputs in return order. This is what makes the published orders apply verbatim.
 */
class ListingParityTest {

    private static final Pattern EQUATION = Pattern.compile("^#(\\d+)\\s*=\\s*([a-z_0-9]+)\\((.*?)\\)\\s*(;.*)?$");

    @ParameterizedTest
    @ValueSource(strings = {"Simple", "Lighthouse", "Hole", "RoeFlux_1d", "RobotArm_6DOF", "HumanHeartDipole",
            "PropaneCombustion", "g"})
    void graph_equals_listing_vertex_by_vertex(String task) throws IOException {
        Listing listing = Listing.load(task);
        Sample sample = Samples.get(task);
        Graph g = CrossCountry.graph(sample.owner(), sample.method(), sample.args());

        assertEquals(listing.inputs.size(), g.numInputs(), "inputs");
        assertEquals(listing.ops.size(), g.numVertices(), "vertex count");
        for (int v = 1; v <= g.numVertices(); v++) {
            String where = task + " #" + v;
            assertEquals(listing.ops.get(v - 1), g.op(v).symbol(), where + " op");
            List<Operand> expected = listing.operands.get(v - 1);
            List<Operand> actual = g.operands(v);
            assertEquals(expected.size(), actual.size(), where + " arity");
            for (int i = 0; i < expected.size(); i++) {
                Operand e = expected.get(i);
                Operand a = actual.get(i);
                assertEquals(e.ref(), a.ref(), where + " operand " + i + ": expected " + e + ", got " + a);
                if (e.isLiteral()) {
                    assertEquals((float) e.literal(), (float) a.literal(), where + " literal " + i);
                }
            }
        }
        assertArrayEquals(listing.outputs, g.outputs(), task + " outputs");
    }

    /** One parsed listing file from {@code src/test/resources/listings}. */
    private static final class Listing {
        final List<String> inputs = new ArrayList<>();
        final List<String> ops = new ArrayList<>();
        final List<List<Operand>> operands = new ArrayList<>();
        int[] outputs;

        static Listing load(String task) throws IOException {
            Listing l = new Listing();
            try (InputStream in = ListingParityTest.class.getResourceAsStream("/listings/" + task + ".txt")) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                for (String line : text.split("\n")) {
                    if (line.startsWith("inputs:")) {
                        l.inputs.addAll(Arrays.asList(line.substring(7).trim().split("\\s+")));
                    } else if (line.startsWith("outputs:")) {
                        l.outputs = Arrays.stream(line.substring(8).trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
                    } else if (line.matches("^#\\d+.*")) {
                        l.parse(line);
                    }
                }
            }
            assertTrue(l.outputs != null && !l.inputs.isEmpty(), "listing header");
            return l;
        }

        private void parse(String line) {
            Matcher m = EQUATION.matcher(line.trim());
            assertTrue(m.matches(), "cannot parse listing line: " + line);
            assertEquals(ops.size() + 1, Integer.parseInt(m.group(1)), "listing ids are consecutive");
            String op = m.group(2);
            List<Operand> args = new ArrayList<>();
            for (String a : m.group(3).split(",")) {
                args.add(operand(a.trim()));
            }
            // Java has no integer_pow/square: x*x is one mul whose operand is used twice.
            if (op.equals("square")) {
                op = "mul";
                args.add(args.get(0));
            } else if (op.equals("integer_pow") && args.get(1).literal() == 2.0) {
                op = "mul";
                args.set(1, args.get(0));
            } else if (op.equals("integer_pow")) {
                op = "pow";
            }
            ops.add(op);
            operands.add(args);
        }

        private Operand operand(String token) {
            if (token.startsWith("#")) {
                return Operand.vertex(Integer.parseInt(token.substring(1)));
            }
            int input = inputs.indexOf(token);
            if (input >= 0) {
                return Operand.input(input);
            }
            return Operand.literal(Double.parseDouble(token));
        }
    }
}
