// What other subgraphs may ask of the wallet: the most one operation moves of one asset, either
// way. Credits asked for over the bus (achievement rewards) must fit it, or they are refused.
export { MAX_AMOUNT as WALLET_MAX_AMOUNT } from '../domain/wallet.js';
