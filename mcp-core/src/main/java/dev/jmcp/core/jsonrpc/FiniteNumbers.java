package dev.jmcp.core.jsonrpc;

import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.NumericNode;

/**
 * The codec's node factory: refuses a number beyond the range of a double (such as {@code 1e999}), which would
 * otherwise become {@code Infinity} and be sent on as the string {@code "Infinity"}. Found by
 * {@code JsonRpcCodecFuzzTest}.
 */
final class FiniteNumbers extends JsonNodeFactory {
    private static final long serialVersionUID = 1L;

    static final FiniteNumbers INSTANCE = new FiniteNumbers();

    private FiniteNumbers() {}

    @Override
    public NumericNode numberNode(double value) {
        if (!Double.isFinite(value)) {
            throw new StreamConstraintsException("a number is beyond the range of a double");
        }
        return super.numberNode(value);
    }

    @Override
    public NumericNode numberNode(float value) {
        if (!Float.isFinite(value)) {
            throw new StreamConstraintsException("a number is beyond the range of a float");
        }
        return super.numberNode(value);
    }
}
