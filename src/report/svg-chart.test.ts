import { describe, expect, it } from 'vitest';
import { lineChart, niceTicks } from './svg-chart.ts';

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 times a power of ten and covers the maximum', () => {
    expect(niceTicks(87)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(niceTicks(10, 5)).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0.37, 4)).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(0)).toEqual([0, 1]);
  });
});

describe('lineChart', () => {
  const svg = lineChart({
    title: 'p95 <latency> & "more"',
    xLabel: 'time (s)',
    yLabel: 'ms',
    series: [{ name: 'p95', cssClass: 'series-latency', points: [[1, 10], [2, 20], [3, 15]] }],
    markers: [{ x: 2, label: '2 errors <at t=2>' }],
    attributes: { 'data-chart': 'latency' },
  });

  it('draws one polyline point per input point, inside the plot area', () => {
    const points = /<polyline[^>]*points="([^"]*)"/.exec(svg)?.[1]?.split(' ') ?? [];
    expect(points).toHaveLength(3);
    for (const p of points) {
      const [x, y] = p.split(',').map(Number) as [number, number];
      expect(x).toBeGreaterThanOrEqual(60);
      expect(x).toBeLessThanOrEqual(640 - 16);
      expect(y).toBeGreaterThanOrEqual(30);
      expect(y).toBeLessThanOrEqual(220 - 44);
    }
  });

  it('has axes with tick labels, axis titles and an escaped title', () => {
    expect(svg).toContain('<title>p95 &lt;latency&gt; &amp; &quot;more&quot;</title>');
    expect(svg).toContain('>time (s)</text>');
    expect(svg).toContain('rotate(-90)');
    expect(svg).toMatch(/text-anchor="end">20<\/text>/);
    expect(svg).toContain('data-chart="latency"');
    expect(svg).toContain('<title>2 errors &lt;at t=2&gt;</title>');
  });

  it('marks a single point with a dot, since a one-point line is invisible', () => {
    expect(lineChart({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 's', cssClass: 'c', points: [[0, 1]] }] })).toContain('<circle');
  });
});
