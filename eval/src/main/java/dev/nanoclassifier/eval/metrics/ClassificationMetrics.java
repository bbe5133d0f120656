package dev.nanoclassifier.eval.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Single-label scores: accuracy, per-label precision/recall/F1/support, macro-F1 and the confusion
 * matrix (rows expected, columns predicted). A case without an answer counts against recall of its
 * expected label and is shown in a last column {@value #NO_ANSWER}.
 *
 * @param labels    row and column labels, in the order of the label set
 * @param matrix    counts; {@code matrix[i][j]}: expected {@code labels[i]}, predicted column j
 *                  ({@code labels[j]}, or {@value #NO_ANSWER} when {@code j == labels.size()})
 * @param perLabel  label → precision, recall, f1, support (the labels that were expected or predicted)
 */
public record ClassificationMetrics(int n, int correct, double accuracy, double macroF1, List<String> labels,
        int[][] matrix, Map<String, PerLabel> perLabel) {

    public static final String NO_ANSWER = "(no answer)";

    public record PerLabel(double precision, double recall, double f1, int support, int predicted) {
    }

    /**
     * @param labelOrder the label set (may be empty); labels seen in the data but not in it are appended
     * @param expected   the expected label per case
     * @param predicted  the predicted label per case, null when there was no answer
     */
    public static ClassificationMetrics compute(List<String> labelOrder, List<String> expected, List<String> predicted) {
        Set<String> order = new LinkedHashSet<>(labelOrder);
        order.addAll(expected);
        for (String p : predicted) {
            if (p != null) {
                order.add(p);
            }
        }
        List<String> labels = new ArrayList<>(order);
        int k = labels.size();
        int[][] m = new int[k][k + 1];
        int correct = 0;
        for (int i = 0; i < expected.size(); i++) {
            int row = labels.indexOf(expected.get(i));
            String p = predicted.get(i);
            int col = p == null ? k : labels.indexOf(p);
            m[row][col]++;
            if (p != null && p.equals(expected.get(i))) {
                correct++;
            }
        }
        Map<String, PerLabel> per = new LinkedHashMap<>();
        double f1Sum = 0;
        int counted = 0;
        for (int j = 0; j < k; j++) {
            int tp = m[j][j];
            int support = 0;
            for (int c = 0; c <= k; c++) {
                support += m[j][c];
            }
            int predictedCount = 0;
            for (int r = 0; r < k; r++) {
                predictedCount += m[r][j];
            }
            if (support == 0 && predictedCount == 0) {
                continue;
            }
            double precision = predictedCount == 0 ? 0 : (double) tp / predictedCount;
            double recall = support == 0 ? 0 : (double) tp / support;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            per.put(labels.get(j), new PerLabel(precision, recall, f1, support, predictedCount));
            f1Sum += f1;
            counted++;
        }
        int n = expected.size();
        return new ClassificationMetrics(n, correct, n == 0 ? Double.NaN : (double) correct / n,
                counted == 0 ? Double.NaN : f1Sum / counted, List.copyOf(labels), m, per);
    }

    /** True when some case had no answer, i.e. the {@value #NO_ANSWER} column is not all zero. */
    public boolean hasNoAnswerColumn() {
        for (int[] row : matrix) {
            if (row[labels.size()] > 0) {
                return true;
            }
        }
        return false;
    }
}
