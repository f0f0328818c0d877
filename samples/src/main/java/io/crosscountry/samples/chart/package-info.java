/** PNG bar charts of the benchmark tables (JFreeChart, headless). */
package io.crosscountry.samples.chart;
