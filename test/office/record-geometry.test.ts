// GeoJSON geometry from a record's answers: first geopoint → Point, first geoshape → closed Polygon, [lon, lat]; null without a valid place.
import { describe, expect, it } from 'vitest';
import type { FormDefinition } from '../../src/engine/index.ts';
import { recordGeometry } from '../../sync-server/src/office/record-geometry.ts';

const form = {
  id: 'g', version: 1, title: { ja: 'g' },
  sections: [
    { id: 'a', title: { ja: 'a' }, fields: [{ id: 'outline', type: 'geoshape', label: { ja: '範囲' } }] },
    {
      id: 'b', title: { ja: 'b' },
      fields: [
        { id: 'spot', type: 'geopoint', label: { ja: '位置' } },
        { id: 'visits', type: 'repeat', label: { ja: '訪問' }, fields: [{ id: 'where', type: 'geopoint', label: { ja: '場所' } }] },
      ],
    },
  ],
} as FormDefinition;

describe('recordGeometry', () => {
  it('takes the first place in form order: a shape as a closed Polygon in [lon, lat]', () => {
    const outline = [{ lat: 35, lng: 139 }, { lat: 35, lng: 139.1 }, { lat: 35.1, lng: 139.1 }];
    expect(recordGeometry(form, { outline, spot: { lat: 1, lng: 2 } })).toEqual({
      type: 'Polygon', coordinates: [[[139, 35], [139.1, 35], [139.1, 35.1], [139, 35]]],
    });
    const closed = [...outline, { lat: 35, lng: 139 }];
    expect(recordGeometry(form, { outline: closed })).toEqual({ type: 'Polygon', coordinates: [[[139, 35], [139.1, 35], [139.1, 35.1], [139, 35]]] });
  });

  it('a geopoint as a Point [lon, lat], also inside a repeat', () => {
    expect(recordGeometry(form, { spot: { lat: 35.6812, lng: 139.7671, accuracy: 5 } })).toEqual({ type: 'Point', coordinates: [139.7671, 35.6812] });
    expect(recordGeometry(form, { visits: [{}, { where: { lat: 34.7, lng: 135.5 } }] })).toEqual({ type: 'Point', coordinates: [135.5, 34.7] });
  });

  it('null without a place or with an invalid one', () => {
    expect(recordGeometry(form, {})).toBeNull();
    expect(recordGeometry(form, { spot: { lat: 95, lng: 0 } })).toBeNull();
    expect(recordGeometry(form, { outline: [{ lat: 1, lng: 1 }, { lat: 2, lng: 2 }] })).toBeNull();
    expect(recordGeometry(undefined, { spot: { lat: 1, lng: 1 } })).toBeNull();
  });
});
