package margo.core.risk;

/**
 * Anti-procyclicality through time: the calculated shocks, each EMIR art. 28 tool's effect alone, and all chosen
 * tools together, as shock series that keep the calculated series' origins and realised moves (so each can be
 * backtested).
 */
public final class ApcSeries {

    /** One tool's effect, or the calculated and the combined shocks. */
    public enum Component {
        /** The estimator's own shock. */
        CALCULATED,
        /** Art. 28(b): blended with the most stressed window's shock. */
        STRESSED_WEIGHT,
        /** Art. 28(c): at least the ten-year historical shock. */
        FLOOR,
        /** Art. 28(a): with the buffer, released as the shock rises. */
        BUFFER,
        /** The floor itself: historical simulation over the floor's lookback. */
        FLOOR_LEVEL,
        /** Every chosen tool together: what margin applies. */
        APPLIED
    }

    private final AntiProcyclicality tools;
    private final ShockSeries calculated;
    private final Shock[] weighted;
    private final Shock[] floored;
    private final Shock[] buffered;
    private final Shock[] floorLevel;
    private final Shock[] applied;

    ApcSeries(AntiProcyclicality tools, ShockSeries calculated, Shock[] weighted, Shock[] floored, Shock[] buffered,
              Shock[] floorLevel, Shock[] applied) {
        this.tools = tools;
        this.calculated = calculated;
        this.weighted = weighted;
        this.floored = floored;
        this.buffered = buffered;
        this.floorLevel = floorLevel;
        this.applied = applied;
    }

    /** The tools and their sizes. */
    public AntiProcyclicality tools() {
        return tools;
    }

    /** The number of entries, the calculated series' size. */
    public int size() {
        return calculated.size();
    }

    /** Whether a component exists: a tool not chosen (size 0) has none. */
    public boolean has(Component component) {
        return switch (component) {
            case CALCULATED, APPLIED -> true;
            case STRESSED_WEIGHT -> tools.stressedWeight() > 0;
            case FLOOR, FLOOR_LEVEL -> tools.floorLookbackBars() > 0;
            case BUFFER -> tools.buffer() > 0;
        };
    }

    /** The shock of {@code component} at entry {@code i}. */
    public Shock shock(Component component, int i) {
        requirePresent(component);
        return switch (component) {
            case CALCULATED -> calculated.shock(i);
            case STRESSED_WEIGHT -> weighted[i];
            case FLOOR -> floored[i];
            case BUFFER -> buffered[i];
            case FLOOR_LEVEL -> floorLevel[i];
            case APPLIED -> applied[i];
        };
    }

    /** The series of {@code component}, with the calculated series' origins and realised moves. */
    public ShockSeries series(Component component) {
        requirePresent(component);
        if (component == Component.CALCULATED) {
            return calculated;
        }
        Shock[] shocks = new Shock[size()];
        for (int i = 0; i < shocks.length; i++) {
            shocks[i] = shock(component, i);
        }
        return calculated.withShocks(calculated.method() + ", " + component.name().toLowerCase(java.util.Locale.ROOT)
                .replace('_', ' '), shocks);
    }

    private void requirePresent(Component component) {
        if (!has(component)) {
            throw new IllegalArgumentException("the " + component + " tool was not chosen (its size is 0)");
        }
    }
}
