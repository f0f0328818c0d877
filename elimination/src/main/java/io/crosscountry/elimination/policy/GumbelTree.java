package io.crosscountry.elimination.policy;

import io.crosscountry.elimination.EliminationState;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Policy-guided tree search for one game (one elimination episode), move by move: Gumbel root search
 * with sequential halving and value-guided selection below the root (after Danihelka et al., ICLR
 * 2022), over a transposition table keyed by the eliminated set.
 *
 * <p>The tree does not call the network itself. {@link #step} runs one round of simulations (one per
 * root candidate still in the halving) and hands back the leaves that need an evaluation; a driver
 * such as {@link GumbelDriver} evaluates the leaves of many trees in one batch and passes the results
 * to {@link #deliver}. When {@link #decided()}, {@link #decision()} is the chosen vertex and
 * {@link #improvedPolicy()} the training target (softmax of logits plus σ(completed Q)); {@link #commit}
 * plays it.
 *
 * <p>Values are costs to go, in multiplications of the state's mode: Q(s, a) = −(cost of eliminating
 * a in s + the mean remaining cost after it). For σ they are normalised to [0, 1] as whole-game
 * values (the cost so far added), by the cheapest and dearest games seen in this tree, so that one
 * range fits nodes at every depth. Every legal vertex is a legal action at every node, children
 * included (the actions of a node are exactly its state's remaining vertices). Every complete
 * episode a simulation reaches, and every rollout an evaluation hands back (the moves down to the
 * leaf, then the rollout's), is recorded, so the best order seen is never lost.
 *
 * <p>Not thread-safe. Deterministic for a fixed seed and evaluation sequence.
 */
public final class GumbelTree {

    private static final int[] NO_MOVES = new int[0];

    /** A leaf waiting for an evaluation; several simulations of one round may wait on the same leaf. */
    public static final class Pending {
        private final GumbelTree tree;
        private final long key;
        private final PolicyInput input;
        private final List<Path> paths = new ArrayList<>();
        private double incumbentCostToGo = Double.POSITIVE_INFINITY; // finishing like the best game so far

        private Pending(GumbelTree tree, long key, PolicyInput input) {
            this.tree = tree;
            this.key = key;
            this.input = input;
        }

        /** The prepared state to evaluate. */
        public PolicyInput input() {
            return input;
        }

        /** The tree that asked. */
        public GumbelTree tree() {
            return tree;
        }
    }

    /** One simulation's way down: nodes, the action index taken at each, and its cost. */
    private static final class Path {
        final Node[] nodes;
        final int[] actions;
        final long[] costs;
        final int length;

        Path(Node[] nodes, int[] actions, long[] costs, int length) {
            this.nodes = Arrays.copyOf(nodes, length);
            this.actions = Arrays.copyOf(actions, length);
            this.costs = Arrays.copyOf(costs, length);
            this.length = length;
        }
    }

    /** A state in the tree: its actions with their priors, and visit statistics. */
    private static final class Node {
        final int[] actions;
        final float[] logits;
        final double estimate;        // the policy's predicted remaining cost
        final Node[] children;
        final long[] edgeCost;        // -1 until traversed
        final int[] edgeVisits;
        int visits;
        double returnSum;             // sum of costs to go observed from here

        Node(int[] actions, float[] logits, double estimate) {
            this.actions = actions;
            this.logits = logits;
            this.estimate = estimate;
            this.children = new Node[actions.length];
            this.edgeCost = new long[actions.length];
            Arrays.fill(edgeCost, -1);
            this.edgeVisits = new int[actions.length];
            this.visits = 1;
            this.returnSum = estimate;
        }

        double meanCostToGo() {
            return returnSum / visits;
        }

        boolean terminal() {
            return actions.length == 0;
        }
    }

    private final EliminationState state;
    private final Policy policy;
    private GumbelConfig config;
    private final SplittableRandom random;
    private final Map<Long, Node> table = new HashMap<>();

    private Node root;
    private Node startRoot;
    private boolean rootPending;
    private final int[] committed;
    private int numCommitted;
    private final long startCost;

    // the current move
    private boolean moveStarted;
    private boolean decided;
    private double[] gumbel;
    private int[] candidates;
    private int numCandidates;
    private int phases;
    private int phase;
    private int roundsInPhase;
    private int simsPerCandidate;

    private double minQ = Double.POSITIVE_INFINITY;
    private double maxQ = Double.NEGATIVE_INFINITY;

    // scratch for descents
    private Node[] pathNodes = new Node[64];
    private int[] pathActions = new int[64];
    private long[] pathCosts = new long[64];

    private long bestEpisodeCost = Long.MAX_VALUE;
    private int[] bestEpisode;
    private long simulations;

    /**
     * A search from {@code state}'s current position; the tree owns and mutates the state (it is at
     * the committed position whenever control is back with the caller).
     */
    public GumbelTree(EliminationState state, Policy policy, GumbelConfig config, long seed) {
        this.state = state;
        this.policy = policy;
        this.config = config;
        this.random = new SplittableRandom(seed);
        this.committed = new int[state.numRemaining()];
        this.startCost = state.cost();
    }

    /** The current settings. */
    public GumbelConfig config() {
        return config;
    }

    /** Changes the settings from the next move on (e.g. a time-budgeted search adapting its simulations). */
    public void setConfig(GumbelConfig config) {
        this.config = config;
    }

    /** Whether the game is over (nothing left to eliminate). */
    public boolean isComplete() {
        return state.numRemaining() == 0;
    }

    /** The state at the committed position (read only: do not change it). */
    public EliminationState state() {
        return state;
    }

    /** Whether the current move has been chosen. */
    public boolean decided() {
        return decided;
    }

    /** Simulations run so far (all moves). */
    public long simulations() {
        return simulations;
    }

    /**
     * Runs the next round of the current move's search and adds the leaves that need evaluation to
     * {@code out}. Returns false (adding nothing) when the move is decided or the game is over.
     */
    public boolean step(List<Pending> out) {
        if (isComplete()) {
            return false;
        }
        if (root == null) {
            if (!rootPending) {
                Pending p = new Pending(this, state.key(), policy.prepare(state));
                rootPending = true;
                out.add(p);
            }
            return true;
        }
        if (!moveStarted) {
            startMove();
        }
        if (decided) {
            return false;
        }
        if (roundsInPhase == simsPerCandidate) {
            halve();
            if (decided) {
                return false;
            }
        }
        Map<Long, Pending> round = new HashMap<>();
        for (int c = 0; c < numCandidates; c++) {
            simulate(candidates[c], round, out);
        }
        roundsInPhase++;
        return true;
    }

    /** Hands a leaf its evaluation: expands it and backs its value up every simulation that waited on it. */
    public void deliver(Pending pending, PolicyEvaluation evaluation) {
        if (pending.tree != this) {
            throw new IllegalArgumentException("the leaf belongs to another tree");
        }
        Node node = new Node(evaluation.actions(), evaluation.logits(), Math.max(0.0, Math.min(pending.incumbentCostToGo, evaluation.remainingCost())));
        table.put(pending.key, node);
        if (pending.paths.isEmpty() && rootPending && pending.key == state.key()) {
            recordRollout(null, evaluation.rollout());
            root = node;
            if (numCommitted == 0) {
                startRoot = node;
            }
            rootPending = false;
            observeGame(state.cost() - startCost + node.estimate);
            return;
        }
        for (Path path : pending.paths) {
            Node parent = path.nodes[path.length - 1];
            parent.children[path.actions[path.length - 1]] = node;
            recordRollout(path, evaluation.rollout());
            backup(path.nodes, path.actions, path.costs, path.length, node.estimate);
        }
        maybeTrimTable();
    }

    /** The chosen vertex id of the current move. */
    public int decision() {
        requireDecided();
        return root.actions[bestCandidate()];
    }

    /** The root's legal vertex ids, in the order of {@link #improvedPolicy()}. */
    public int[] rootActions() {
        requireRoot();
        return root.actions.clone();
    }

    /** The search's improved policy at the root: softmax(logits + σ(completed Q)), one entry per root action. */
    public float[] improvedPolicy() {
        requireRoot();
        double[] q = completedQ(root);
        double scale = sigmaScale(root);
        double[] z = new double[q.length];
        for (int a = 0; a < q.length; a++) {
            z[a] = root.logits[a] + scale * normalise(q[a]);
        }
        double[] p = softmax(z);
        float[] r = new float[p.length];
        for (int a = 0; a < p.length; a++) {
            r[a] = (float) p[a];
        }
        return r;
    }

    /** Plays {@code vertexId} (normally {@link #decision()}) and moves the root below it. */
    public void commit(int vertexId) {
        requireRoot();
        int a = indexOf(root.actions, vertexId);
        if (a < 0) {
            throw new IllegalArgumentException("vertex " + vertexId + " is not legal here");
        }
        Node child = root.children[a];
        state.eliminate(vertexId);
        committed[numCommitted++] = vertexId;
        root = child != null ? child : table.get(state.key());
        rootPending = false;
        moveStarted = false;
        decided = false;
        if (isComplete()) {
            recordEpisode(0);
        }
    }

    /**
     * Takes back every committed move and starts a new game from the starting position, keeping the
     * tree: visit counts and values of earlier games guide the next one (and the transposition
     * table still shares states). The best episode seen so far is kept.
     */
    public void restartGame() {
        while (numCommitted > 0) {
            state.undo();
            numCommitted--;
        }
        root = startRoot;
        rootPending = false;
        moveStarted = false;
        decided = false;
    }

    /** The committed moves so far. */
    public int[] committedOrder() {
        return Arrays.copyOf(committed, numCommitted);
    }

    /** The cheapest complete order any simulation or the committed game reached (null if none yet). */
    public int[] bestEpisode() {
        return bestEpisode == null ? null : bestEpisode.clone();
    }

    /** The cost of {@link #bestEpisode()} ({@link Long#MAX_VALUE} if none). */
    public long bestEpisodeCost() {
        return bestEpisodeCost;
    }

    /**
     * A complete order from the tree's starting state found outside the tree (e.g. a polished copy
     * of {@link #bestEpisode()}): it becomes the best episode when it is cheaper, so incumbent
     * finishes follow it from then on. The caller vouches that {@code cost} is the order's cost from
     * the starting state.
     *
     * @throws IllegalArgumentException unless {@code order} has one id per vertex left at the start
     */
    public void offerEpisode(int[] order, long cost) {
        if (order.length != numCommitted + state.numRemaining()) {
            throw new IllegalArgumentException("an episode has " + (numCommitted + state.numRemaining())
                    + " moves, got " + order.length);
        }
        if (cost < bestEpisodeCost) {
            bestEpisodeCost = cost;
            bestEpisode = order.clone();
        }
    }

    // ------------------------------------------------------------------ the move's root search

    private void startMove() {
        moveStarted = true;
        int n = root.actions.length;
        gumbel = new double[n];
        if (config.gumbelNoise()) {
            for (int a = 0; a < n; a++) {
                gumbel[a] = -Math.log(-Math.log(random.nextDouble(Double.MIN_VALUE, 1.0)));
            }
        }
        int m = Math.min(config.considered(), n);
        Integer[] idx = new Integer[n];
        for (int a = 0; a < n; a++) {
            idx[a] = a;
        }
        Arrays.sort(idx, (x, y) -> Double.compare(gumbel[y] + root.logits[y], gumbel[x] + root.logits[x]));
        candidates = new int[m];
        for (int c = 0; c < m; c++) {
            candidates[c] = idx[c];
        }
        numCandidates = m;
        phases = m <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(m - 1); // ceil(log2 m)
        phase = 0;
        roundsInPhase = 0;
        decided = m <= 1;
        if (!decided) {
            simsPerCandidate = Math.max(1, config.simulations() / (phases * numCandidates));
        }
    }

    private void halve() {
        Integer[] idx = new Integer[numCandidates];
        for (int c = 0; c < numCandidates; c++) {
            idx[c] = candidates[c];
        }
        double[] q = completedQ(root);
        double scale = sigmaScale(root);
        Arrays.sort(idx, (x, y) -> Double.compare(rootScore(y, q, scale), rootScore(x, q, scale)));
        numCandidates = (numCandidates + 1) / 2;
        for (int c = 0; c < numCandidates; c++) {
            candidates[c] = idx[c];
        }
        phase++;
        roundsInPhase = 0;
        if (numCandidates <= 1 || phase >= phases) {
            decided = true;
        } else {
            simsPerCandidate = Math.max(1, config.simulations() / (phases * numCandidates));
        }
    }

    private int bestCandidate() {
        double[] q = completedQ(root);
        double scale = sigmaScale(root);
        int best = candidates[0];
        for (int c = 1; c < numCandidates; c++) {
            if (rootScore(candidates[c], q, scale) > rootScore(best, q, scale)) {
                best = candidates[c];
            }
        }
        return best;
    }

    private double rootScore(int a, double[] q, double scale) {
        return gumbel[a] + root.logits[a] + scale * normalise(q[a]);
    }

    // ------------------------------------------------------------------ simulations

    private void simulate(int rootAction, Map<Long, Pending> round, List<Pending> out) {
        simulations++;
        int depth = 0;
        Node node = root;
        int a = rootAction;
        while (true) {
            long cost = state.eliminate(node.actions[a]);
            node.edgeCost[a] = cost;
            push(depth++, node, a, cost);
            Node child = node.children[a];
            if (child == null) {
                long key = state.key();
                child = table.get(key);
                if (child == null) {
                    if (state.numRemaining() == 0) {
                        child = new Node(new int[0], new float[0], 0.0);
                        table.put(key, child);
                    } else {
                        Pending p = round.get(key);
                        if (p == null) {
                            p = new Pending(this, key, policy.prepare(state));
                            if (config.incumbentFinishes() > 0) {
                                p.incumbentCostToGo = incumbentFinishes(depth);
                            }
                            round.put(key, p);
                            out.add(p);
                        }
                        p.paths.add(new Path(pathNodes, pathActions, pathCosts, depth));
                        unwind(depth);
                        return;
                    }
                }
                node.children[a] = child;
            }
            node = child;
            if (node.terminal()) {
                recordEpisode(depth);
                unwind(depth);
                backup(pathNodes, pathActions, pathCosts, depth, 0.0); // at the committed position again
                return;
            }
            a = selectBelowRoot(node);
        }
    }

    private void push(int depth, Node node, int a, long cost) {
        if (depth == pathNodes.length) {
            pathNodes = Arrays.copyOf(pathNodes, depth * 2);
            pathActions = Arrays.copyOf(pathActions, depth * 2);
            pathCosts = Arrays.copyOf(pathCosts, depth * 2);
        }
        pathNodes[depth] = node;
        pathActions[depth] = a;
        pathCosts[depth] = cost;
    }

    private void unwind(int depth) {
        for (int i = 0; i < depth; i++) {
            state.undo();
        }
    }

    /** Below the root: the action maximising π'(a) − N(a) / (1 + Σ N), π' = softmax(logits + σ(completed Q)). */
    private int selectBelowRoot(Node node) {
        double[] q = completedQ(node);
        double scale = sigmaScale(node);
        double[] z = new double[q.length];
        for (int a = 0; a < q.length; a++) {
            z[a] = node.logits[a] + scale * normalise(q[a]);
        }
        double[] p = softmax(z);
        int total = 0;
        for (int n : node.edgeVisits) {
            total += n;
        }
        int best = 0;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int a = 0; a < p.length; a++) {
            double s = p[a] - node.edgeVisits[a] / (1.0 + total);
            if (s > bestScore) {
                bestScore = s;
                best = a;
            }
        }
        return best;
    }

    /** Backs a simulation's costs up its path; the state must be at the committed position. */
    private void backup(Node[] nodes, int[] actions, long[] costs, int length, double leafCostToGo) {
        double g = leafCostToGo;
        for (int i = length - 1; i >= 0; i--) {
            g += costs[i];
            Node n = nodes[i];
            n.visits++;
            n.returnSum += g;
            n.edgeVisits[actions[i]]++;
        }
        observeGame(state.cost() - startCost + g);
    }

    /** Records the game the state is at (complete): the committed moves, then the descent's {@code depth} moves. */
    private void recordEpisode(int depth) {
        recordGame(state.cost() - startCost, pathNodes, pathActions, depth, NO_MOVES);
    }

    /**
     * Keeps the game of cost {@code total} if it is the cheapest yet: the committed moves, the
     * actions taken at {@code nodes[0..depth)}, then the vertex ids of {@code tail}.
     */
    private void recordGame(long total, Node[] nodes, int[] actions, int depth, int[] tail) {
        if (total < bestEpisodeCost) {
            int[] order = Arrays.copyOf(committed, numCommitted + depth + tail.length);
            for (int i = 0; i < depth; i++) {
                order[numCommitted + i] = nodes[i].actions[actions[i]];
            }
            System.arraycopy(tail, 0, order, numCommitted + depth, tail.length);
            bestEpisodeCost = total;
            bestEpisode = order;
        }
    }

    /**
     * The incumbent finishes of the leaf {@code depth} moves below the committed position (see
     * {@link GumbelConfig#incumbentFinishes()}): records them, restores the state and returns the
     * cheapest cost to go (+∞ before any complete game).
     */
    private double incumbentFinishes(int depth) {
        if (bestEpisode == null) {
            return Double.POSITIVE_INFINITY;
        }
        int[] tail = new int[state.numRemaining()];
        int k = 0;
        for (int id : bestEpisode) {
            if (!state.isEliminated(id)) {
                tail[k++] = id;
            }
        }
        double best = finishWith(tail, depth);
        for (int t = 1; t < config.incumbentFinishes() && tail.length > 1; t++) {
            int[] moved = tail.clone();
            int from = random.nextInt(moved.length);
            int to = random.nextInt(moved.length);
            int v = moved[from];
            if (from < to) {
                System.arraycopy(moved, from + 1, moved, from, to - from);
            } else {
                System.arraycopy(moved, to, moved, to + 1, from - to);
            }
            moved[to] = v;
            best = Math.min(best, finishWith(moved, depth));
        }
        return best;
    }

    /** Finishes the state with {@code tail}, records the game, restores the state, returns the cost to go. */
    private long finishWith(int[] tail, int depth) {
        long before = state.cost();
        for (int id : tail) {
            state.eliminate(id);
        }
        recordGame(state.cost() - startCost, pathNodes, pathActions, depth, tail);
        long toGo = state.cost() - before;
        unwind(tail.length);
        return toGo;
    }

    /** Records the complete order: committed moves, {@code path}'s moves (none for the root), then the rollout. */
    private void recordRollout(Path path, Policies.Rollout rollout) {
        if (rollout == null) {
            return;
        }
        long total = state.cost() - startCost + rollout.cost();
        if (path == null) {
            recordGame(total, new Node[0], NO_MOVES, 0, rollout.order());
            return;
        }
        for (int i = 0; i < path.length; i++) {
            total += path.costs[i];
        }
        recordGame(total, path.nodes, path.actions, path.length, rollout.order());
    }

    // ------------------------------------------------------------------ values

    /** Q for visited actions, the mixed value estimate for the others (Gumbel MuZero's completion). */
    private double[] completedQ(Node node) {
        int n = node.actions.length;
        double[] q = new double[n];
        double[] prior = softmaxOfLogits(node);
        int total = 0;
        double visitedPrior = 0;
        double weighted = 0;
        for (int a = 0; a < n; a++) {
            if (node.edgeVisits[a] > 0 && node.children[a] != null) {
                q[a] = -(node.edgeCost[a] + node.children[a].meanCostToGo());
                total += node.edgeVisits[a];
                visitedPrior += prior[a];
                weighted += prior[a] * q[a];
            }
        }
        double estimate = -node.estimate;
        double mixed = total == 0 || visitedPrior <= 0 ? estimate
                : (estimate + total * (weighted / visitedPrior)) / (1.0 + total);
        for (int a = 0; a < n; a++) {
            if (!(node.edgeVisits[a] > 0 && node.children[a] != null)) {
                q[a] = mixed;
            }
        }
        return q;
    }

    private double sigmaScale(Node node) {
        int maxVisits = 0;
        for (int v : node.edgeVisits) {
            maxVisits = Math.max(maxVisits, v);
        }
        return (config.cVisit() + maxVisits) * config.cScale();
    }

    /**
     * Widens the range of whole-game values seen: {@code gameCost} is the cost of a game from the
     * starting position (committed moves, a simulation's moves, and the estimate or 0 at its leaf).
     */
    private void observeGame(double gameCost) {
        minQ = Math.min(minQ, -gameCost);
        maxQ = Math.max(maxQ, -gameCost);
    }

    /**
     * Normalises a Q value of the node the state is at to [0, 1]. Q values are costs to go, whose
     * scale shrinks with depth; adding the cost so far turns them into whole-game values, so one
     * range (the cheapest and dearest games seen) fits every node of the tree.
     */
    private double normalise(double q) {
        if (!(maxQ > minQ)) {
            return 0.5;
        }
        double game = q - (state.cost() - startCost);
        return Math.max(0.0, Math.min(1.0, (game - minQ) / (maxQ - minQ)));
    }

    private static double[] softmaxOfLogits(Node node) {
        double[] z = new double[node.logits.length];
        for (int a = 0; a < z.length; a++) {
            z[a] = node.logits[a];
        }
        return softmax(z);
    }

    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        double[] p = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            p[i] = Math.exp(z[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < z.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    // ------------------------------------------------------------------ housekeeping

    private void maybeTrimTable() {
        if (table.size() > config.maxNodes()) {
            table.clear(); // nodes below the root stay reachable through child links; only sharing is lost
        }
    }

    private void requireRoot() {
        if (root == null) {
            throw new IllegalStateException("the root has not been evaluated yet (call step and deliver first)");
        }
    }

    private void requireDecided() {
        requireRoot();
        if (!decided) {
            throw new IllegalStateException("the move is not decided yet");
        }
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
