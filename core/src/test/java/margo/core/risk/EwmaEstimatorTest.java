package margo.core.risk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;
import org.junit.jupiter.api.Test;

class EwmaEstimatorTest {

    @Test
    void theVarianceRecursionIsRiskMetrics() {
        double[] r = new double[40];
        r[35] = 0.1;
        double[] variances = Ewma.RISKMETRICS.variances(r, 0, 40);
        assertEquals(0.0, variances[35], 0.0, "a quiet seed and no move yet");
        assertEquals(0.06 * 0.01, variances[36], 1e-18);
        assertEquals(0.94 * 0.06 * 0.01, variances[37], 1e-18);
        assertEquals(0.94 * 0.94 * 0.94 * 0.94 * 0.06 * 0.01, Ewma.RISKMETRICS.nextVariance(r, 0, 40), 1e-18);
    }

    @Test
    void normalShockIsSigmaTimesRootHorizonTimesTheQuantile() {
        double[] r = new double[100];
        for (int i = 0; i < r.length; i++) {
            r[i] = i % 2 == 0 ? 0.02 : -0.02;
        }
        Shock shock = EwmaEstimator.riskMetrics(ShockSpec.valueAtRisk(0.99, 4)).shock(r, 0, 100);
        double z = new NormalDistribution().inverseCumulativeProbability(0.01);
        assertEquals(z * 0.02 * 2, shock.downLogReturn(), 1e-12);
        assertEquals(-z * 0.02 * 2, shock.upLogReturn(), 1e-12);
    }

    @Test
    void expectedShortfallOfTheUnitVarianceTMatchesNumericalIntegration() {
        double nu = 4;
        double p = 0.01;
        TDistribution t = new TDistribution(nu);
        double scale = Math.sqrt((nu - 2) / nu);
        double q = t.inverseCumulativeProbability(p);
        // x = q / u maps the tail (-inf, q] onto u in (0, 1]; midpoint rule on a million steps.
        int steps = 1_000_000;
        double tailIntegral = 0;
        for (int i = 0; i < steps; i++) {
            double u = (i + 0.5) / steps;
            double x = q / u;
            tailIntegral += x * t.density(x) * (-q / (u * u)) / steps;
        }
        assertEquals(scale * tailIntegral / p, StudentTDistributions.lower(nu, p, Measure.EXPECTED_SHORTFALL), 1e-4);
        assertEquals(q * scale, StudentTDistributions.lower(nu, p, Measure.VALUE_AT_RISK), 1e-12);
    }

    @Test
    void studentTailsAreWiderThanNormalAtNinetyNinePercent() {
        double[] r = SimulatedReturns.normal(1, 500, 0.02);
        ShockSpec spec = ShockSpec.valueAtRisk(0.99, 1);
        Shock normal = EwmaEstimator.riskMetrics(spec).shock(r, 0, 500);
        Shock student = new EwmaEstimator(spec, Ewma.RISKMETRICS, new Innovations.StudentT(4)).shock(r, 0, 500);
        assertTrue(student.down() > normal.down());
    }

    @Test
    void aDecayOutsideTheUnitIntervalIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Ewma(1.0));
        assertThrows(IllegalArgumentException.class, () -> new Innovations.StudentT(2));
    }

    /** 20,000 unit-variance t(5) returns: the fitted dof lies within a wide band around 5. */
    @Property(tries = 5)
    void fittedDegreesOfFreedomRecoverTheSimulatedOnes(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double[] z = SimulatedReturns.studentT(seed, 20_000, 5, 1);
        double dof = StudentTDistributions.fitDegreesOfFreedom(z);
        assertTrue(dof > 4 && dof < 6.5, "fitted " + dof);
    }

    /** With constant volatility the EWMA forecast is close to it, so the 99% shock is close to the true one. */
    @Property(tries = 20)
    void normalShocksConvergeToTheTrueQuantile(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        double sigma = 0.02;
        double[] r = SimulatedReturns.normal(seed, 2_000, sigma);
        Shock shock = EwmaEstimator.riskMetrics(ShockSpec.valueAtRisk(0.99, 1)).shock(r, 0, r.length);
        double z = new NormalDistribution().inverseCumulativeProbability(0.99);
        // lambda 0.94 averages about (1 + lambda) / (1 - lambda) = 32 squares: sigma is within about 40%.
        assertEquals(z * sigma, shock.upLogReturn(), 0.4 * z * sigma);
    }
}
