package margo.core.calibration;

/**
 * The model's values of a fixed set of quotes as a function of the parameter vector, optionally with their
 * derivatives. Implementations work on primitive arrays and should not allocate per call: the solvers call them
 * hundreds of times.
 */
public interface QuoteEvaluator {

    /**
     * The model value of each quote, in target units, into {@code out} (one element per quote). A value the model
     * cannot produce is NaN.
     *
     * @param parameters all the model's parameters in the order of {@link CalibrationModel#parameterNames()}
     */
    void values(double[] parameters, double[] out);

    /** True when {@link #jacobian} is implemented; otherwise the engine differentiates numerically. */
    boolean hasJacobian();

    /**
     * The derivatives of the values by the parameters into {@code out}, row-major: {@code out[q * p + j]} is
     * {@code d value_q / d parameter_j} for {@code p} parameters.
     *
     * @throws UnsupportedOperationException when {@link #hasJacobian()} is false
     */
    void jacobian(double[] parameters, double[] out);
}
