
    // Do not modify this file by hand!
    // Re-generate this file by running lit-localize

    
    import {str} from '@lit/localize';

    /* eslint-disable no-irregular-whitespace */
    /* eslint-disable @typescript-eslint/no-explicit-any */

    export const templates = {
      's018f1b7563121ce5': `Certaines informations doivent être corrigées.`,
's059db917231a9da8': str`${0} clients trouvés`,
's09aca130fa4a20c1': `Impossible de charger les éléments qui requièrent votre attention.`,
's0a571b770afa181e': `Clients`,
's0af1cbc43391ae09': `Fournisseur`,
's0e9528261783d4e0': `1 client trouvé`,
's16a9d9af698cddac': `Factures ayant échoué`,
's2626279747fc99ae': str`Dernière actualisation : ${0}`,
's2b789d9a81ff8aa6': `Impossible de charger d'autres résultats.`,
's33d88c5d33052272': `Les informations ont changé entre-temps. Actualisez, puis réessayez.`,
's374ce89c592f7c45': `Ce composant n'est pas configuré : il n'est relié à aucun réseau.`,
's537534ff0214c8a6': `Actualisation…`,
's5b0c8343ac479d17': `Choisissez avec les flèches ; Entrée pour se mettre en relation, Maj+Entrée pour afficher le groupe, Échap pour fermer.`,
's5bcdcb325cd19a83': `Chargement des éléments qui requièrent votre attention…`,
's5ccb0359e8151078': `Impossible de joindre le réseau. Vérifiez votre connexion, puis réessayez.`,
's5d76e164eae9bc05': `Pour votre attention`,
's6766d8faeb20cda2': `Impossible d'actualiser.`,
's6c8bf05c34922f4c': `Nous réessaierons automatiquement.`,
's6f3d268c912c1e95': `Impossible d'actualiser ; voici les dernières informations disponibles.`,
's71a5c9f4b68ef4d4': `Nombre`,
's75264f789f0a1b8d': `Billets d'assistance`,
's7a4f059aaa029719': `Se mettre en relation`,
's7b7163270e57e8b4': `Actualiser`,
's7f59f507e02a2f38': `Visualiser`,
's80de151787335da7': `La demande a été annulée.`,
's837752c82f3c576b': `Le réseau a mis trop de temps à répondre. Veuillez réessayer.`,
's85b1862c744a65e6': `Rien ne requiert votre attention.`,
's8af61807443f32a4': `Actions`,
's8ba5a9a56ecd6b1d': `Numéro de TVA`,
's90de1f97844479e6': `Nous n'avons pas trouvé l'élément demandé. Il a peut-être été supprimé.`,
's93e8ae8016b13d7c': `Factures enregistrées`,
's948409a912c26048': `Le réseau a renvoyé une réponse illisible. Veuillez réessayer.`,
's969c104eaa21d505': `Raison sociale, identifiant réseau ou numéro de TVA`,
's97d7909785070c19': `Client`,
's9c26dbe5eae4a471': `Votre session a expiré. Reconnectez-vous, puis réessayez.`,
's9cfa7823fc62aba3': `Recherche en cours…`,
'sa0a0e3d3c2027d99': `Rechercher vos clients`,
'sa40e7f4f2a43e2f7': `Afficher plus de résultats`,
'sac8252732f2edb19': `Date`,
'sae5bfd73b9a4b9c2': `Chargement de la suite…`,
'sb63e6b48bd2924e8': `Acheteur`,
'sb78bfc5f30990571': `Impossible de rechercher dans l'annuaire.`,
'sba98a7152d80b949': `Montant`,
'sbbb97b1c63507dc0': `Numéro`,
'sc08a718ecd92fa11': str`Saisissez au moins ${0} caractères de la raison sociale, ou un identifiant réseau ou un numéro de TVA.`,
'sc41426622aab8b8b': `Tout afficher`,
'sc87c486f09a3e048': `Trop de demandes en ce moment. Patientez un instant, puis réessayez.`,
'sc9474bf7a0668d73': `Récapitulatif`,
'scd1dd6ff53d0d01a': `Réessayer`,
'scecce276f437eb6c': str`${0} clients affichés sur ${1}`,
'sd2223afb7d6b100d': `Type`,
'sdb0366087c651ea9': str`Affichage de ${0} sur ${1}.`,
'se6a5a54d699483e4': `Le réseau est indisponible pour le moment. Veuillez réessayer dans quelques instants.`,
'se9d59862c4a8b9bf': str`Aucun client ne correspond à « ${0} ».`,
'see120a7a88bc7c6b': `Afficher le groupe`,
'sf06c1b20a55e6f16': `Votre compte n'est pas autorisé à effectuer cette action. Demandez l'accès à votre administrateur.`,
    };
  