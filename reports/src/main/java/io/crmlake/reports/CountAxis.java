package io.crmlake.reports;

import net.sf.jasperreports.charts.JRChart;
import net.sf.jasperreports.charts.JRChartCustomizer;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;

/**
 * Whole-number ticks on a bar chart that counts customers or warnings: JFreeChart's automatic
 * ticks would print 2.5 warnings on a small axis. Bars are kept slim when there are few of them.
 * Used as the customizerClass of those charts.
 */
public final class CountAxis implements JRChartCustomizer {

    @Override
    public void customize(JFreeChart chart, JRChart jasperChart) {
        if (chart.getPlot() instanceof CategoryPlot plot && plot.getRangeAxis() instanceof NumberAxis axis) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
            // one or two units would otherwise fill the plot with a bar as tall as a page
            if (plot.getRenderer() instanceof BarRenderer bars) {
                bars.setMaximumBarWidth(0.12);
            }
        }
    }
}
