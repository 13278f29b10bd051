package margo.dsl.check;

import static margo.dsl.run.Recipes.check;
import static margo.dsl.run.Recipes.located;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A bound, start or fixed value written outside a parameter's domain is an error at the number, before anything runs. */
class ParameterDomainCheckTest {

    @Test
    void aCorrelationBoundedBeyondOneIsAnErrorAtEachBound() {
        assertEquals(List.of(
                        "1:29 the lower bound -5 of 'rho' is outside its domain: rho (correlation) is in [-1, 1]",
                        "1:33 the upper bound 5 of 'rho' is outside its domain: rho (correlation) is in [-1, 1]"),
                located(check("model hs = heston { rho in [-5, 5] }").diagnostics()));
        assertEquals("e.g. rho in [-0.9900, 0.9900]",
                check("model hs = heston { rho in [-5, 5] }").diagnostics().getFirst().hint());
    }

    @Test
    void aNegativeVarianceIsAnErrorWhetherBoundOrFixed() {
        assertEquals(List.of("1:28 the lower bound -1 of 'v0' is outside its domain: v0 (variance, annualised (0.36"
                        + " is a 60% vol)) is above 0"),
                located(check("model hs = heston { v0 in [-1, 4] }").diagnostics()));
        assertEquals(List.of("1:29 the value -0.1 of 'theta' is outside its domain: theta (variance, annualised (0.36"
                        + " is a 60% vol)) is above 0"),
                located(check("model hs = heston { theta = -0.1 }").diagnostics()));
    }

    @Test
    void aBoundAtTheEdgeOfAnOpenDomainIsAllowedButAStartThereIsNot() {
        assertEquals(List.of(), located(check("model hs = heston { v0 in [0, 4] }").diagnostics()));
        assertEquals(List.of("1:40 the start 0 of 'v0' is outside its domain: v0 (variance, annualised (0.36 is a 60%"
                        + " vol)) is above 0"),
                located(check("model hs = heston { v0 in [0, 4] start 0 }").diagnostics()));
    }

    @Test
    void jumpIntensityMayBeZeroButNotNegative() {
        assertEquals(List.of(), located(check("model mj = merton { lambda = 0 }").diagnostics()));
        assertEquals(List.of("1:32 the lower bound -1 of 'lambda' is outside its domain: lambda (jumps per year) is 0"
                        + " or above"),
                located(check("model mj = merton { lambda in [-1, 2] }").diagnostics()));
    }

    @Test
    void aParameterWithoutARestrictionTakesAnyFiniteBound() {
        assertEquals(List.of(), located(check("model vg = variance_gamma { theta in [-50, 50] }").diagnostics()));
    }
}
