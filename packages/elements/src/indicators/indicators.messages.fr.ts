import type { Message } from '../i18n/messages.js';
import type { IndicatorsKey } from './indicators.messages.js';

/** French messages of `<nassij-indicators>`, fetched on demand. */
const fr: Readonly<Record<IndicatorsKey, Message>> = {
  'ind.title': 'Indicateurs de la plateforme',
  'ind.filters': 'Période et région',
  'ind.year': 'Année',
  'ind.region': 'Région',
  'ind.allRegions': 'Toutes les régions',
  'ind.chartIndicator': 'Indicateur des graphiques',
  'ind.keyFigures': 'Chiffres clés',
  'ind.period': 'Période : année {year}',
  'ind.scope.national': 'Périmètre : Maroc',
  'ind.scope.region': 'Périmètre : {region}',
  'ind.denominator': 'Dénominateur : {text}',
  'ind.ratio': '{numerator} sur {denominator}',
  'ind.definition': 'Définition',
  'ind.noDenominator': 'Simple décompte, sans dénominateur.',
  'ind.bars.title': '{indicator} par région, {year}',
  'ind.bars.desc':
    'Valeur la plus haute : {max} ({maxValue}) ; la plus basse : {min} ({minValue}). {count} régions.',
  'ind.trend.title': '{indicator} par année, {scope}',
  'ind.trend.desc': 'De {first} ({firstValue}) à {last} ({lastValue}).',
  'ind.breakdown.title': 'Répartition régionale : {indicator}, {year}',
  'ind.col.region': 'Région',
  'ind.col.year': 'Année',
  'ind.col.value': 'Valeur',
  'ind.col.numerator': 'Numérateur',
  'ind.col.denominator': 'Dénominateur',
  'ind.col.indicator': 'Indicateur',
  'ind.sortBy': 'Trier par {column}',
  'ind.showTable': 'Afficher en tableau',
  'ind.showChart': 'Afficher en graphique',
  'ind.download': 'Télécharger les données (CSV)',
  'ind.downloadOf': 'données : {title}',
  'ind.downloadAll': 'Télécharger tous les chiffres clés (CSV)',
  'ind.selected': '(région choisie)',
  'ind.noChart': "Cet indicateur n'a pas de répartition par région.",
  'ind.empty': 'Aucun indicateur pour cette période.',
  'ind.updated': 'Calculé le {date}',
};
export default fr;
