package dev.nanoclassifier.classifier.budget;

import dev.nanoclassifier.request.InvalidRequestException;

/** A part of the request over its token budget under the {@code reject} policy (HTTP 400). */
public class OverBudgetException extends InvalidRequestException {

    public OverBudgetException(String field, int tokens, int budget) {
        super(field, tokens + " tokens is over the budget of " + budget + " tokens");
    }

    @Override
    public String code() {
        return "over_budget";
    }
}
