package margo.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import margo.core.pricing.OptionType;
import org.junit.jupiter.api.Test;

/**
 * A model known only through its characteristic function: Heston's, handed over as a black box, must price as the
 * built-in Heston does, with cumulants estimated from the characteristic function close to the closed forms.
 */
class UserDefinedModelTest {

    private static final List<String> NAMES = List.of("v0", "kappa", "theta", "xi", "rho");

    /** Heston's characteristic function as a user would supply it. */
    private static UserDefinedModel blackBoxHeston(double... parameters) {
        return new UserDefinedModel("heston_box", NAMES, parameters, p -> {
            HestonParameters heston = HestonParameters.of(p);
            return heston::characteristicFunction;
        });
    }

    @Test
    void cumulantsFromTheCharacteristicFunctionMatchHestonsClosedForms() {
        double[] parameters = {0.36, 2.0, 0.49, 1.2, -0.4};
        for (double t : new double[] {1.0 / 365, 7.0 / 365, 0.25, 1.0, 3.0}) {
            Cumulants exact = HestonParameters.of(parameters).cumulants(t);
            Cumulants estimated = blackBoxHeston(parameters).cumulants(t);
            assertEquals(exact.c1(), estimated.c1(), 1e-9 * Math.abs(exact.c1()), "c1 at T = " + t);
            assertEquals(exact.c2(), estimated.c2(), 1e-9 * exact.c2(), "c2 at T = " + t);
            assertEquals(exact.c4(), estimated.c4(), 1e-3 * exact.c4() + 1e-12, "c4 at T = " + t);
        }
    }

    @Test
    void aBlackBoxHestonPricesAsTheBuiltInHeston() {
        double[] parameters = {0.36, 2.0, 0.49, 1.2, -0.4};
        double forward = 60000;
        for (double t : new double[] {2.0 / 365, 30.0 / 365, 1.0}) {
            for (double strike = 30000; strike <= 120000; strike += 7500) {
                OptionType type = strike < forward ? OptionType.PUT : OptionType.CALL;
                double builtIn = CosPricer.DEFAULT.price(HestonParameters.of(parameters), type, forward, strike, t);
                double box = CosPricer.DEFAULT.price(blackBoxHeston(parameters), type, forward, strike, t);
                assertEquals(builtIn, box, 1e-10 * forward, "K = " + strike + ", T = " + t);
            }
        }
    }

    @Test
    void aFunctionThatIsNotOneAtZeroIsRefused() {
        UserDefinedModel wrong = new UserDefinedModel("wrong", List.of("a"), new double[] {1.0},
                p -> (u, t) -> new Complex(2.0 * Math.exp(-u * u), 0.0));
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> wrong.cumulants(1.0));
        assertTrue(refused.getMessage().contains("at u = 0 is 2.0"), refused.getMessage());
    }

    @Test
    void newParametersMakeANewModelAndKeepTheOld() {
        UserDefinedModel model = blackBoxHeston(0.36, 2.0, 0.49, 1.2, -0.4);
        UserDefinedModel moved = model.withParameters(new double[] {0.25, 2.0, 0.49, 1.2, -0.4});
        assertEquals(0.36, model.parameters()[0]);
        assertEquals(0.25, moved.parameters()[0]);
        assertEquals(NAMES, List.of(moved.parameterNames()));
    }
}
