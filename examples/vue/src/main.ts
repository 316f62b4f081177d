import { createApp } from 'vue';
// Registers every tn-* element (or import one: 'tn-customer-connect/customer-connect.js').
import 'tn-customer-connect/define.js';
import App from './App.vue';
import './app.css';

createApp(App).mount('#app');
